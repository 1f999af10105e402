#include "store/postgres/database.hpp"

#include <utility>

#include "domain/clock.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/migrations.hpp"
#include "store/postgres/repositories.hpp"

namespace zomato::store::postgres {

/// A connection with its repositories, and the transaction open on it.
class pooled_session final : public session {
 public:
  pooled_session(database& owner, const database_settings& settings)
      : owner_(owner),
        db_(settings.url, settings.connect_timeout, settings.statement_timeout, settings.busy_timeout),
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

  /// Opens a transaction with `sql` ("BEGIN ..."); `writes` tells whether commit() is a write's.
  void begin(const char* sql, bool writes) {
    writes_ = writes;
    db_.execute(sql);
  }
  /// Rolls back what the caller left open (a failed BEGIN's transaction included); false when
  /// the connection is of no further use.
  bool finish() {
    if (!db_.broken() && db_.in_transaction()) {
      try {
        db_.execute("ROLLBACK");
      } catch (const store::failure&) {
        return false;
      }
    }
    return !db_.broken();
  }
  bool writes() const { return writes_; }

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
    try {
      db_.execute("COMMIT");
    } catch (const store::unavailable& failed) {
      if (writes_) owner_.note_commit(failed.reason());
      throw;
    }
    if (writes_) owner_.note_commit(std::nullopt);
    return {};
  }

 private:
  database& owner_;
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
  bool writes_ = false;
};

namespace {

// The advisory lock every write transaction takes first, the same key in every process. READ
// COMMITTED whatever the server's default, so that each statement sees the writes committed
// before the lock was had.
constexpr const char* begin_write =
    "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(8749107661066427767)";
constexpr const char* begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
// How long opening waits for another process's migration.
constexpr std::chrono::seconds startup_wait{60};

}  // namespace

database::database(database_settings settings) : settings_(std::move(settings)) {
  auto setup = settings_;
  setup.statement_timeout = std::max<std::chrono::milliseconds>(setup.statement_timeout, startup_wait);
  setup.busy_timeout = std::max<std::chrono::milliseconds>(setup.busy_timeout, startup_wait);
  connection first(setup.url, setup.connect_timeout, setup.statement_timeout, setup.busy_timeout);
  migrate(first, embedded_migrations());
}

database::~database() = default;

database::taken database::take(std::chrono::steady_clock::time_point deadline) {
  {
    std::unique_lock guard(pool_lock_);
    while (idle_.empty() && open_ >= settings_.pool_size) {
      if (returned_.wait_until(guard, deadline) == std::cv_status::timeout && idle_.empty() &&
          open_ >= settings_.pool_size) {
        throw store::unavailable(store::unavailable_reason::busy, "every PostgreSQL connection of the pool is in use");
      }
    }
    if (!idle_.empty()) {
      taken pooled{std::move(idle_.back()), true};
      idle_.pop_back();
      return pooled;
    }
    ++open_;
  }
  try {
    return {std::make_unique<pooled_session>(*this, settings_), false};
  } catch (...) {
    std::lock_guard guard(pool_lock_);
    --open_;
    returned_.notify_one();
    throw;
  }
}

void database::put_back(std::unique_ptr<pooled_session> session) {
  const bool usable = session->finish();
  std::lock_guard guard(pool_lock_);
  if (usable) {
    idle_.push_back(std::move(session));
  } else {
    --open_;
    session.reset();
  }
  returned_.notify_one();
}

std::unique_ptr<pooled_session> database::open(const char* begin, bool writes) {
  const auto deadline = std::chrono::steady_clock::now() + settings_.busy_timeout;
  while (true) {
    auto [session, reused] = take(deadline);
    try {
      session->begin(begin, writes);
      return std::move(session);
    } catch (const store::failure&) {
      const bool stale = reused && session->db().broken();
      put_back(std::move(session));
      if (!stale) throw;
    }
  }
}

session_lease database::read() {
  std::unique_ptr<pooled_session> reader;
  try {
    reader = open(begin_read, false);
  } catch (const store::unavailable& failed) {
    // A server out of reach shows in readiness before any write tries it.
    if (failed.reason() == store::unavailable_reason::io) note_outcome(failed.reason());
    throw;
  }
  busy_readers_.fetch_add(1);
  return session_lease(reader.release(), session_return{&database::give_back, this});
}

session_lease database::write() {
  ++writers_waiting_;
  std::unique_ptr<pooled_session> writer;
  try {
    writer = open(begin_write, true);
  } catch (const store::unavailable& failed) {
    --writers_waiting_;
    note_outcome(failed.reason());
    throw;
  } catch (...) {
    --writers_waiting_;
    throw;
  }
  --writers_waiting_;
  return session_lease(writer.release(), session_return{&database::give_back, this});
}

void database::give_back(void* owner, session* released, std::uint64_t) {
  auto* self = static_cast<database*>(owner);
  std::unique_ptr<pooled_session> session(static_cast<pooled_session*>(released));
  if (!session->writes()) self->busy_readers_.fetch_sub(1);
  self->put_back(std::move(session));
}

void database::note_commit(std::optional<store::unavailable_reason> failure) {
  (failure ? failed_commits_ : commits_).fetch_add(1);
  note_outcome(failure);
}

void database::note_outcome(std::optional<store::unavailable_reason> failure) {
  write_outcome_.store(failure ? static_cast<int>(*failure) : -1);
}

void database::when_durable(commit_ticket, std::function<void(bool kept)> done) { done(true); }

std::optional<store::unavailable_reason> database::unwritable() {
  const int outcome = write_outcome_.load();
  if (outcome < 0) return std::nullopt;
  const auto last = static_cast<store::unavailable_reason>(outcome);
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  auto probed = last_probe_.load();
  const auto second = std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::seconds(1)).count();
  if (now - probed < second || !last_probe_.compare_exchange_strong(probed, now)) return last;
  return probe_write();
}

std::optional<store::unavailable_reason> database::probe_write() {
  std::optional<store::unavailable_reason> reason;
  try {
    auto probe = write();
    auto& db = static_cast<pooled_session&>(*probe).db();
    db.use(
          "INSERT INTO write_probe (id, written_at) VALUES (1, $1) "
          "ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at")
        .bind_all(domain::now_timestamp())
        .run();
    probe->commit();
  } catch (const store::unavailable& failed) {
    reason = failed.reason();
  } catch (const store::failure&) {
    reason = store::unavailable_reason::io;
  }
  note_outcome(reason);
  return reason;
}

database_figures database::figures() const {
  database_figures f;
  f.writers_waiting = writers_waiting_.load();
  f.busy_readers = busy_readers_.load();
  {
    std::lock_guard guard(pool_lock_);
    f.idle_readers = static_cast<std::int64_t>(idle_.size());
  }
  const auto commits = commits_.load();
  const auto failed = failed_commits_.load();
  f.group_sizes[0] = commits + failed;
  f.group_members = commits + failed;
  f.failed_groups = failed;
  return f;
}

}  // namespace zomato::store::postgres
