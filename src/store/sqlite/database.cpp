#include "store/sqlite/database.hpp"

#include <utility>

#include "store/sqlite/activity_repositories.hpp"
#include "store/sqlite/checkpointer.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/menu_item_repository.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/order_repositories.hpp"
#include "store/sqlite/restaurant_repository.hpp"

namespace zomato::store::sqlite {

/// A connection with its repositories, and the transaction currently open on it.
class pooled_session final : public session {
 public:
  explicit pooled_session(const std::string& path)
      : db_(path),
        restaurants_(db_),
        menu_items_(db_),
        customers_(db_),
        orders_(db_),
        reviews_(db_),
        idempotency_keys_(db_),
        catalog_analytics_(db_),
        notifications_(db_),
        kitchens_(db_),
        analytics_(db_),
        samples_(db_) {}

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
  store::catalog_analytics_repository& catalog_analytics() override { return catalog_analytics_; }
  store::notification_repository& notifications() override { return notifications_; }
  store::kitchen_repository& kitchens() override { return kitchens_; }
  store::analytics_repository& analytics() override { return analytics_; }
  store::sample_repository& samples() override { return samples_; }
  void commit() override {
    if (group_) {
      group_->commit_member();
      return;
    }
    db_.run("COMMIT");
    open_ = false;
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
  catalog_analytics_repository catalog_analytics_;
  notification_repository notifications_;
  kitchen_repository kitchens_;
  analytics_repository analytics_;
  sample_repository samples_;
  bool open_ = false;
  database* group_ = nullptr;
};

namespace {

// Whether this thread holds the writer with a member transaction still open.
thread_local bool holds_writer = false;
// Whether commits on this thread return before their group's COMMIT, and the group the
// last such commit awaits (0: none).
thread_local bool deferring = false;
thread_local std::uint64_t awaiting_group = 0;

constexpr int max_group_members = 64;
// A checkpoint cycle starts at about 80 MB of WAL (fewer, larger cycles copy a hot page
// once for more commits); the writer copies the last 4 MB itself.
constexpr int checkpoint_pages = 20000;
constexpr int inline_checkpoint_pages = 1000;

}  // namespace

database::database(std::string path) : path_(std::move(path)) {
  writer_ = std::make_unique<pooled_session>(path_);
  // temp_store = MEMORY would keep every member's savepoint journal in 1 KB chunks, one
  // allocation each; the default keeps it in one chunk of the spill size.
  writer_->db().execute("PRAGMA journal_mode = WAL; PRAGMA temp_store = DEFAULT");
  migrate(writer_->db(), embedded_migrations());
  checkpoints_ = std::make_unique<checkpointer>(path_, checkpoint_pages, inline_checkpoint_pages);
  checkpoints_->watch(writer_->db());
  writer_->join(*this);
}

database::~database() {
  idle_readers_.clear();
  writer_->db().execute("PRAGMA optimize");
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
  if (!reader) reader = std::make_unique<pooled_session>(path_);
  reader->begin("BEGIN");
  return session_lease(reader.release(), session_return{&database::give_back_reader, this});
}

session_lease database::write() {
  ++waiting_;
  writer_lock_.lock();
  --waiting_;
  try {
    if (!group_open_) {
      writer_->db().run("BEGIN IMMEDIATE");
      group_open_ = true;
      current_group_ = ++started_groups_;
      members_ = 0;
    }
    writer_->db().run("SAVEPOINT member");
  } catch (...) {
    writer_lock_.unlock();
    throw;
  }
  ++members_;
  holds_writer = true;
  return session_lease(writer_.get(), session_return{&database::give_back_writer, this});
}

bool database::finish_group() {
  bool committed = true;
  try {
    writer_->db().run("COMMIT");
  } catch (const error&) {
    committed = false;
    try {
      writer_->db().run("ROLLBACK");
    } catch (const error&) {
      // SQLite has already rolled the transaction back.
    }
  }
  group_open_ = false;
  std::vector<std::function<void(bool)>> durable;
  {
    std::lock_guard guard(group_lock_);
    finished_group_ = current_group_;
    if (!committed) failed_group_ = current_group_;
    durable.swap(durable_waiters_);
  }
  group_done_.notify_all();
  for (auto& done : durable) done(committed);
  return committed;
}

void database::commit_member() {
  writer_->db().run("RELEASE member");
  holds_writer = false;
  const auto group = current_group_;
  if (waiting_.load() == 0 || members_ >= max_group_members) {
    const bool committed = finish_group();
    writer_lock_.unlock();
    if (!committed) throw error("commit failed");
    return;
  }
  writer_lock_.unlock();
  if (deferring) {
    awaiting_group = group;
    return;
  }
  std::unique_lock guard(group_lock_);
  group_done_.wait(guard, [&] { return finished_group_ >= group; });
  if (failed_group_ == group) throw error("commit failed");
}

database::deferral::deferral() { deferring = true; }

database::deferral::~deferral() { deferring = false; }

void database::when_durable(std::function<void(bool committed)> done) {
  const auto group = std::exchange(awaiting_group, 0);
  if (group != 0) {
    std::unique_lock guard(group_lock_);
    if (finished_group_ < group) {
      durable_waiters_.push_back(std::move(done));
      return;
    }
    const bool committed = failed_group_ != group;
    guard.unlock();
    done(committed);
    return;
  }
  done(true);
}

void database::give_back_reader(void* owner, session* released) {
  auto* self = static_cast<database*>(owner);
  std::unique_ptr<pooled_session> reader(static_cast<pooled_session*>(released));
  try {
    reader->finish();
  } catch (const error&) {
    return;
  }
  std::lock_guard guard(self->readers_lock_);
  self->idle_readers_.push_back(std::move(reader));
}

void database::give_back_writer(void* owner, session*) {
  if (!holds_writer) return;
  holds_writer = false;
  auto* self = static_cast<database*>(owner);
  try {
    self->writer_->db().run("ROLLBACK TO member");
    self->writer_->db().run("RELEASE member");
  } catch (const error&) {
    // The statement that failed took the transaction with it; finish_group() notices.
  }
  if (self->waiting_.load() == 0) self->finish_group();
  self->writer_lock_.unlock();
}

}  // namespace zomato::store::sqlite
