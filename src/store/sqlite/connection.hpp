#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "domain/money.hpp"
#include "store/failures.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace zomato::store::sqlite {

/// A failure reported by SQLite that waiting will not cure; SQLITE_BUSY, SQLITE_FULL,
/// SQLITE_READONLY, SQLITE_IOERR and SQLITE_CANTOPEN are thrown as store::unavailable instead.
class error : public store::failure {
 public:
  using store::failure::failure;
};

class connection;

/// A prepared statement in use: bind, step, read columns; reset when it goes out of scope.
/// Failures throw as the connection's do.
class statement {
 public:
  statement(sqlite3_stmt* handle, connection& owner) : handle_(handle), owner_(owner) {}
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  ~statement();

  statement& bind(int index, std::int64_t value);
  statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value)); }
  statement& bind(int index, double value);
  statement& bind(int index, std::string_view value);
  statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  statement& bind(int index, std::nullopt_t);
  template <class T>
  statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
  }
  /// Binds each argument to ?1, ?2, ... in order.
  template <class... Args>
  statement& bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }

  /// Advances to the next row; false when done.
  bool next();
  /// Runs a statement that returns no rows.
  void run();

  std::int64_t integer(int column) const;
  double real(int column) const;
  bool boolean(int column) const { return integer(column) != 0; }
  std::string text(int column) const;
  bool is_null(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::optional<std::int64_t> optional_integer(int column) const;
  /// The value of an exact_sum() column (see exact_sum.hpp), 0 for NULL. Throws error for
  /// a value exact_sum() does not give.
  domain::cents_sum sum(int column) const;

 private:
  sqlite3_stmt* handle_;
  connection& owner_;
};

/// One SQLite connection with its own cache of prepared statements. Every failure throws:
/// store::unavailable for what may pass (locked, full, read-only, I/O), error for the rest.
/// Not thread-safe: one thread uses it at a time.
class connection {
 public:
  /// Opens (creating if needed) the file; statements wait up to `busy_timeout` for locks.
  /// Throws error when it cannot be opened.
  explicit connection(const std::string& path, std::chrono::milliseconds busy_timeout = std::chrono::seconds(2));
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;
  ~connection();

  /// The cached prepared statement for this SQL text, ready to bind.
  statement use(std::string_view sql);
  /// Runs one statement that returns no rows, kept prepared for the next time.
  void run(std::string_view sql) { use(sql).run(); }
  /// Runs one or more statements that return no rows.
  void execute(const std::string& sql);
  std::int64_t last_insert_id() const;
  int changes() const;
  /// Whether a transaction is open (SQLite rolls one back by itself after some failures).
  bool in_transaction() const;
  /// How long a statement waits for a lock another connection holds before it fails as busy;
  /// it tries again every 200 us meanwhile, so it takes a lock within moments of its release.
  void wait_for_locks(std::chrono::milliseconds longest);
  /// Why the last store::unavailable this connection threw was thrown, once; nullopt if none
  /// was thrown since the last call.
  std::optional<store::unavailable_reason> take_unavailable();
  /// After each commit, tells `listener` how many pages the WAL holds; SQLite then no longer
  /// checkpoints on commit, so the listener must see to it.
  void watch_wal(std::function<void(int pages)> listener);
  /// Copies what it can of the WAL into the database file without waiting for readers or
  /// the writer; returns how many of the WAL's pages the file now holds. Throws error on
  /// failure other than busy.
  int checkpoint();
  /// Copies all of the WAL into the file and waits (up to the lock timeout) for readers to leave
  /// it, so the next write starts it over; `truncate` also empties the WAL file. False when a
  /// reader or a writer kept it from finishing. Throws as every call does for other failures.
  bool checkpoint_fully(bool truncate);

 private:
  friend class statement;
  /// Throws store::unavailable or error for SQLite's result `code` of `what`.
  [[noreturn]] void fail(int code, const std::string& what);
  /// SQLite's busy handler: 1 to try again after a short sleep, 0 once `lock_wait_` has passed.
  int wait_for_lock(int tries);

  sqlite3* db_ = nullptr;
  std::optional<store::unavailable_reason> unavailable_;
  struct sql_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, sqlite3_stmt*, sql_hash, std::equal_to<>> prepared_;
  std::function<void(int)> wal_listener_;
  std::chrono::milliseconds lock_wait_{0};
  std::chrono::steady_clock::time_point waiting_since_;
};

}  // namespace zomato::store::sqlite
