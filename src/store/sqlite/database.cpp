#include "store/sqlite/database.hpp"

#include <algorithm>
#include <thread>
#include <utility>

#include "domain/clock.hpp"

#include "store/sqlite/checkpointer.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/repositories.hpp"

namespace zomato::store::sqlite {

/// A connection with its repositories, and the transaction currently open on it.
class pooled_session final : public session {
 public:
  pooled_session(const std::string& path, std::chrono::milliseconds busy_timeout)
      : db_(path, busy_timeout),
        restaurants_(db_),
        menu_items_(db_),
        customers_(db_),
        orders_(db_),
        reviews_(db_),
        idempotency_keys_(db_),
        usage_(db_),
        catalog_analytics_(db_),
        notifications_(db_),
        kitchens_(db_),
        analytics_(db_),
        samples_(db_),
        write_count_(db_) {}

  void begin(const char* sql) {
    db_.run(sql);
    open_ = true;
  }
  void finish() {
    if (open_) db_.run("ROLLBACK");
    open_ = false;
  }

  connection& db() { return db_; }
  store::restaurant_repository& restaurants() override { return restaurants_; }
  store::menu_item_repository& menu_items() override { return menu_items_; }
  store::customer_repository& customers() override { return customers_; }
  store::order_repository& orders() override { return orders_; }
  store::review_repository& reviews() override { return reviews_; }
  store::idempotency_repository& idempotency_keys() override { return idempotency_keys_; }
  store::usage_repository& usage() override { return usage_; }
  store::catalog_analytics_repository& catalog_analytics() override { return catalog_analytics_; }
  store::notification_repository& notifications() override { return notifications_; }
  store::kitchen_repository& kitchens() override { return kitchens_; }
  store::analytics_repository& analytics() override { return analytics_; }
  store::sample_repository& samples() override { return samples_; }
  store::write_count_repository& write_count() override { return write_count_; }
  commit_ticket commit() override {
    if (group_) return group_->commit_member();
    db_.run("COMMIT");
    open_ = false;
    return {};
  }

  /// Makes commit() a member's commit in the writer's group commit.
  void join(database& group) { group_ = &group; }

 private:
  connection db_;
  restaurant_repository restaurants_;
  menu_item_repository menu_items_;
  customer_repository customers_;
  order_repository orders_;
  review_repository reviews_;
  idempotency_repository idempotency_keys_;
  usage_repository usage_;
  catalog_analytics_repository catalog_analytics_;
  notification_repository notifications_;
  kitchen_repository kitchens_;
  analytics_repository analytics_;
  sample_repository samples_;
  write_count_repository write_count_;
  bool open_ = false;
  database* group_ = nullptr;
};

namespace {

constexpr int max_group_members = 64;
// How long opening waits for the write lock: another process starting on the same file may be
// applying a migration, which on a large file takes longer than a request may wait.
constexpr std::chrono::seconds startup_lock_wait{60};

// Puts a file in WAL mode. A new file starts in rollback-journal mode, where SQLite refuses at
// once (busy, without waiting) a connection whose switch would deadlock with another's: tried
// again until the lock wait of a start runs out.
void switch_to_wal(connection& db) {
  const auto deadline = std::chrono::steady_clock::now() + startup_lock_wait;
  while (true) {
    try {
      db.execute("PRAGMA journal_mode = WAL");
      return;
    } catch (const store::unavailable&) {
      db.take_unavailable();
      if (std::chrono::steady_clock::now() >= deadline) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
}
// Groups finish in order and a request asks for its groups' outcomes once it is handled:
// older failures than these are forgotten, and their groups reported as not kept.
constexpr std::size_t max_failed_groups = 4096;

}  // namespace

database::database(std::string path, std::chrono::milliseconds busy_timeout)
    : path_(std::move(path)), busy_timeout_(busy_timeout) {
  writer_ =
      std::make_unique<pooled_session>(path_, std::max<std::chrono::milliseconds>(busy_timeout_, startup_lock_wait));
  // temp_store = MEMORY would keep every member's savepoint journal in 1 KB chunks, one
  // allocation each; the default keeps it in one chunk of the spill size.
  switch_to_wal(writer_->db());
  writer_->db().execute("PRAGMA temp_store = DEFAULT");
  migrate(writer_->db(), embedded_migrations());
  writer_->db().wait_for_locks(busy_timeout_);
  checkpoints_ = std::make_unique<checkpointer>(path_, checkpoint_policy{});
  checkpoints_->watch(writer_->db());
  writer_->join(*this);
}

database::~database() {
  idle_readers_.clear();
  try {
    writer_->db().execute("PRAGMA optimize");
  } catch (const store::failure&) {
    // Statistics for the query planner only; the next start gathers them again.
  }
}

session_lease database::read() {
  std::unique_ptr<pooled_session> reader;
  {
    std::lock_guard guard(readers_lock_);
    if (!idle_readers_.empty()) {
      reader = std::move(idle_readers_.back());
      idle_readers_.pop_back();
    }
  }
  if (!reader) reader = std::make_unique<pooled_session>(path_, busy_timeout_);
  reader->begin("BEGIN");
  busy_readers_.fetch_add(1);
  return session_lease(reader.release(), session_return{&database::give_back_reader, this});
}

session_lease database::write() {
  const auto deadline = std::chrono::steady_clock::now() + busy_timeout_;
  ++waiting_;
  writer_lock_.lock();
  --waiting_;
  try {
    if (!group_open_) open_group(deadline);
    writer_->db().run("SAVEPOINT member");
  } catch (const store::failure&) {
    settle_member();
    if (group_open_ && waiting_.load() == 0) finish_group();
    release_writer();
    throw;
  }
  ++members_;
  open_lease_.store(++leases_);
  return session_lease(writer_.get(), session_return{&database::give_back_writer, this, leases_});
}

void database::open_group(std::chrono::steady_clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  writer_->db().wait_for_locks(std::max(left, std::chrono::milliseconds(0)));
  writer_->db().run("BEGIN IMMEDIATE");
  group_open_ = true;
  current_group_ = ++started_groups_;
  members_ = 0;
}

void database::settle_member() {
  auto& db = writer_->db();
  const auto reason = db.take_unavailable();
  if (reason) write_outcome_.store(static_cast<int>(*reason));
  if (group_open_ && !db.in_transaction()) {
    end_group(std::make_exception_ptr(store::unavailable(reason.value_or(store::unavailable_reason::io),
                                                         "the write group's transaction was rolled back")));
  }
}

std::exception_ptr database::finish_group() {
  std::exception_ptr failure;
  auto& db = writer_->db();
  try {
    db.run("COMMIT");
  } catch (const store::failure&) {
    failure = std::current_exception();
    if (db.in_transaction()) {
      try {
        db.run("ROLLBACK");
      } catch (const store::failure&) {
        // The connection is unusable; the next BEGIN reports it.
      }
    }
  }
  const auto reason = db.take_unavailable();
  write_outcome_.store(failure ? static_cast<int>(reason.value_or(store::unavailable_reason::io)) : -1);
  end_group(failure);
  return failure;
}

void database::end_group(const std::exception_ptr& failure) {
  group_open_ = false;
  const auto bound = std::lower_bound(group_size_bounds.begin(), group_size_bounds.end(), members_);
  group_sizes_[static_cast<std::size_t>(bound - group_size_bounds.begin())].fetch_add(1);
  group_members_.fetch_add(static_cast<std::uint64_t>(members_));
  if (failure) failed_group_count_.fetch_add(1);
  {
    std::lock_guard guard(group_lock_);
    finished_group_ = current_group_;
    if (failure) {
      if (failed_groups_.size() == max_failed_groups) {
        forgotten_through_ = failed_groups_.front().first;
        failed_groups_.erase(failed_groups_.begin());
      }
      failed_groups_.emplace_back(current_group_, failure);
    }
    untold_ = std::move(durable_waiters_);
    durable_waiters_.clear();
  }
  untold_kept_ = !failure;
}

void database::release_writer() {
  auto told = std::move(untold_);
  untold_.clear();
  const bool kept = untold_kept_;
  writer_lock_.unlock();
  for (auto& done : told) done(kept);
}

commit_ticket database::commit_member() {
  writer_->db().run("RELEASE member");
  open_lease_.store(0);
  if (waiting_.load() == 0 || members_ >= max_group_members) {
    const auto failure = finish_group();
    release_writer();
    if (failure) std::rethrow_exception(failure);
    return {};
  }
  const commit_ticket ticket{current_group_};
  release_writer();
  return ticket;
}

std::exception_ptr database::failure_of(std::uint64_t group) const {
  for (const auto& [failed, failure] : failed_groups_) {
    if (failed == group) return failure;
  }
  if (group <= forgotten_through_) {
    return std::make_exception_ptr(store::failure("the outcome of this write group is no longer known"));
  }
  return nullptr;
}

std::optional<store::unavailable_reason> database::unwritable() {
  const int outcome = write_outcome_.load();
  if (outcome < 0) return std::nullopt;
  const auto last = static_cast<store::unavailable_reason>(outcome);
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  auto probed = last_probe_.load();
  const auto second = std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::seconds(1)).count();
  if (now - probed < second || !last_probe_.compare_exchange_strong(probed, now)) return last;
  std::unique_lock lock(writer_lock_, std::try_to_lock);
  // A write under way tells soon enough.
  if (!lock || group_open_) return last;
  return probe_write();
}

std::optional<store::unavailable_reason> database::probe_write() {
  auto& db = writer_->db();
  db.wait_for_locks(std::min(busy_timeout_, std::chrono::milliseconds(100)));
  std::optional<store::unavailable_reason> reason;
  try {
    db.run("BEGIN IMMEDIATE");
    db.use("INSERT OR REPLACE INTO write_probe (id, written_at) VALUES (1, ?1)")
        .bind_all(domain::now_timestamp())
        .run();
    db.run("COMMIT");
  } catch (const store::failure&) {
    reason = db.take_unavailable().value_or(store::unavailable_reason::io);
    if (db.in_transaction()) {
      try {
        db.run("ROLLBACK");
      } catch (const store::failure&) {
        // As in finish_group.
      }
    }
  }
  write_outcome_.store(reason ? static_cast<int>(*reason) : -1);
  return reason;
}

void database::when_durable(commit_ticket ticket, std::function<void(bool kept)> done) {
  if (ticket.group == 0) return done(true);
  std::unique_lock guard(group_lock_);
  if (finished_group_ < ticket.group) {
    durable_waiters_.push_back(std::move(done));
    return;
  }
  const bool kept = !failure_of(ticket.group);
  guard.unlock();
  done(kept);
}

database_figures database::figures() const {
  database_figures f;
  f.writers_waiting = waiting_.load();
  f.busy_readers = busy_readers_.load();
  {
    std::lock_guard guard(readers_lock_);
    f.idle_readers = static_cast<std::int64_t>(idle_readers_.size());
  }
  for (std::size_t i = 0; i < group_sizes_.size(); ++i) f.group_sizes[i] = group_sizes_[i].load();
  f.group_members = group_members_.load();
  f.failed_groups = failed_group_count_.load();
  f.checkpoints = checkpoints_->figures();
  return f;
}

void database::give_back_reader(void* owner, session* released, std::uint64_t) {
  auto* self = static_cast<database*>(owner);
  std::unique_ptr<pooled_session> reader(static_cast<pooled_session*>(released));
  self->busy_readers_.fetch_sub(1);
  try {
    reader->finish();
  } catch (const store::failure&) {
    return;
  }
  std::lock_guard guard(self->readers_lock_);
  self->idle_readers_.push_back(std::move(reader));
}

void database::give_back_writer(void* owner, session*, std::uint64_t lease) {
  auto* self = static_cast<database*>(owner);
  // After commit_member() the writer is no longer this lease's to give back.
  if (self->open_lease_.load() != lease) return;
  self->open_lease_.store(0);
  auto& db = self->writer_->db();
  if (db.in_transaction()) {
    try {
      db.run("ROLLBACK TO member");
      db.run("RELEASE member");
    } catch (const store::failure&) {
      // The dropped writes may still be in the group: the whole group goes, and
      // settle_member() fails it.
      try {
        if (db.in_transaction()) db.run("ROLLBACK");
      } catch (const store::failure&) {
        // The connection is unusable; the next BEGIN reports it.
      }
    }
  }
  self->settle_member();
  if (self->group_open_ && self->waiting_.load() == 0) self->finish_group();
  self->release_writer();
}

}  // namespace zomato::store::sqlite
