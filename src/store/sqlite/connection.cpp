#include "store/sqlite/connection.hpp"

#include <malloc.h>
#include <sqlite3.h>

#include <algorithm>
#include <thread>
#include <utility>

#include "store/sqlite/exact_sum.hpp"

namespace zomato::store::sqlite {
namespace {

std::optional<store::unavailable_reason> unavailable_reason_of(int code) {
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_PROTOCOL: return store::unavailable_reason::busy;
    case SQLITE_FULL: return store::unavailable_reason::full;
    case SQLITE_READONLY: return store::unavailable_reason::read_only;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN: return store::unavailable_reason::io;
    default: return std::nullopt;
  }
}

// Before the first connection opens: no global mutex around every allocation for memory
// statistics nobody reads, and no per-connection mutexes, since a connection is used by one
// thread at a time. Fails harmlessly (SQLITE_MISUSE) if SQLite was started already.
void configure_library_once() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    // An in-memory sub-journal (each write member's savepoint, see database.cpp) is one chunk
    // of this size; past it the journal spills to a temporary file, the chunk in one write.
    // The unix VFS masks a write's length to 17 bits and takes the short write for a full
    // disk, so a chunk of 128 KiB or more made every savepoint past it fail with SQLITE_FULL.
    sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, 127 << 10);
    // Every write member allocates and frees that chunk. With glibc's default 128 KiB trim
    // threshold each free gave the memory back to the system and the next member faulted it
    // in again (orders/s fell by a third); the mmap threshold is fixed too, since setting the
    // trim threshold stops glibc from raising it by itself.
    mallopt(M_TRIM_THRESHOLD, 8 << 20);
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    return true;
  }();
  (void)configured;
}

}  // namespace

statement::~statement() {
  sqlite3_reset(handle_);
  sqlite3_clear_bindings(handle_);
}

statement& statement::bind(int index, std::int64_t value) {
  if (const int code = sqlite3_bind_int64(handle_, index, value); code != SQLITE_OK) owner_.fail(code, "bind");
  return *this;
}

statement& statement::bind(int index, double value) {
  if (const int code = sqlite3_bind_double(handle_, index, value); code != SQLITE_OK) owner_.fail(code, "bind");
  return *this;
}

statement& statement::bind(int index, std::string_view value) {
  const int code = sqlite3_bind_text64(handle_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (code != SQLITE_OK) owner_.fail(code, "bind");
  return *this;
}

statement& statement::bind(int index, std::nullopt_t) {
  if (const int code = sqlite3_bind_null(handle_, index); code != SQLITE_OK) owner_.fail(code, "bind");
  return *this;
}

bool statement::next() {
  const int code = sqlite3_step(handle_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  owner_.fail(code, "step");
}

void statement::run() {
  while (next()) {
  }
}

std::int64_t statement::integer(int column) const { return sqlite3_column_int64(handle_, column); }

double statement::real(int column) const { return sqlite3_column_double(handle_, column); }

std::string statement::text(int column) const {
  const auto* data = sqlite3_column_text(handle_, column);
  const auto size = static_cast<std::size_t>(sqlite3_column_bytes(handle_, column));
  return data ? std::string(reinterpret_cast<const char*>(data), size) : std::string();
}

bool statement::is_null(int column) const { return sqlite3_column_type(handle_, column) == SQLITE_NULL; }

std::optional<std::string> statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> statement::optional_integer(int column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

domain::cents_sum statement::sum(int column) const {
  switch (sqlite3_column_type(handle_, column)) {
    case SQLITE_NULL: return 0;
    case SQLITE_INTEGER: return sqlite3_column_int64(handle_, column);
    case SQLITE_BLOB: {
      const void* bytes = sqlite3_column_blob(handle_, column);
      if (auto wide = wide_sum_of(bytes, sqlite3_column_bytes(handle_, column))) return *wide;
      break;
    }
    default: break;
  }
  throw error("column " + std::to_string(column) + " holds no sum");
}

connection::connection(const std::string& path, std::chrono::milliseconds busy_timeout) {
  configure_library_once();
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw error("cannot open database " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  wait_for_locks(busy_timeout);
  add_exact_sum(db_);
  execute(
      "PRAGMA foreign_keys = ON;"
      "PRAGMA synchronous = NORMAL;"
      "PRAGMA cache_size = -32768;"
      "PRAGMA temp_store = MEMORY;");
}

void connection::watch_wal(std::function<void(int pages)> listener) {
  wal_listener_ = std::move(listener);
  sqlite3_wal_hook(
      db_,
      [](void* self, sqlite3*, const char*, int pages) {
        static_cast<connection*>(self)->wal_listener_(pages);
        return SQLITE_OK;
      },
      this);
}

int connection::checkpoint() {
  int copied = 0;
  const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, &copied);
  if (rc != SQLITE_OK && rc != SQLITE_BUSY) fail(rc, "checkpoint");
  return copied;
}

bool connection::checkpoint_fully(bool truncate) {
  const int mode = truncate ? SQLITE_CHECKPOINT_TRUNCATE : SQLITE_CHECKPOINT_RESTART;
  const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, mode, nullptr, nullptr);
  if (rc == SQLITE_BUSY) return false;
  if (rc != SQLITE_OK) fail(rc, "checkpoint");
  return true;
}

void connection::fail(int code, const std::string& what) {
  const std::string message = what + ": " + sqlite3_errmsg(db_);
  if (const auto reason = unavailable_reason_of(code)) {
    unavailable_ = reason;
    throw store::unavailable(*reason, message);
  }
  throw error(message);
}

bool connection::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

void connection::wait_for_locks(std::chrono::milliseconds longest) {
  lock_wait_ = longest;
  sqlite3_busy_handler(
      db_, [](void* self, int tries) { return static_cast<connection*>(self)->wait_for_lock(tries); }, this);
}

int connection::wait_for_lock(int tries) {
  // SQLite's own busy timeout sleeps 1, 2, 5 ... ms between tries, then 100 ms each: another
  // process's writer, which takes the lock again right after each group commit, left a waiting
  // one asleep through most of its free moments, for up to the whole timeout.
  constexpr auto poll = std::chrono::microseconds(200);
  const auto now = std::chrono::steady_clock::now();
  if (tries == 0) waiting_since_ = now;
  const auto left = waiting_since_ + lock_wait_ - now;
  if (left <= std::chrono::steady_clock::duration::zero()) return 0;
  std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, poll));
  return 1;
}

std::optional<store::unavailable_reason> connection::take_unavailable() {
  return std::exchange(unavailable_, std::nullopt);
}

connection::~connection() {
  for (auto& [sql, handle] : prepared_) sqlite3_finalize(handle);
  sqlite3_close_v2(db_);
}

statement connection::use(std::string_view sql) {
  auto found = prepared_.find(sql);
  if (found == prepared_.end()) {
    sqlite3_stmt* handle = nullptr;
    const int code =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &handle, nullptr);
    if (code != SQLITE_OK) fail(code, "prepare");
    found = prepared_.emplace(std::string(sql), handle).first;
  }
  return statement(found->second, *this);
}

void connection::execute(const std::string& sql) {
  char* message = nullptr;
  if (const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message); code != SQLITE_OK) {
    sqlite3_free(message);
    fail(code, "execute");
  }
}

std::int64_t connection::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

int connection::changes() const { return sqlite3_changes(db_); }

}  // namespace zomato::store::sqlite
