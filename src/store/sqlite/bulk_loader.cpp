#include "store/sqlite/bulk_loader.hpp"

#include <algorithm>
#include <utility>

#include "store/entity_rows.hpp"

namespace zomato::store::sqlite {
namespace {

const std::string insert_restaurant_sql = insert_row_sql<domain::restaurant>("restaurants");
const std::string insert_menu_item_sql = insert_row_sql<domain::menu_item>("menu_items");
const std::string insert_customer_sql = insert_row_sql<domain::customer>("customers");
const std::string insert_order_sql = insert_row_sql<domain::order>("orders");
const std::string insert_order_item_sql = insert_row_sql<domain::order_item>("order_items");
const std::string insert_status_sql =
    "INSERT INTO order_status_history (id, order_id, status, changed_at) VALUES (?1, ?2, ?3, ?4)";
const std::string insert_review_sql = insert_row_sql<domain::review>("reviews");
const std::string update_rating_sql = "UPDATE restaurants SET rating = ?2 WHERE id = ?1";

// One BEGIN IMMEDIATE ... COMMIT per `size` rows; rolls back the open batch if the load fails.
class batch {
 public:
  batch(connection& db, std::int64_t size, std::function<void()> committed)
      : db_(db), size_(size), committed_(std::move(committed)) {
    db_.execute("BEGIN IMMEDIATE");
    open_ = true;
  }
  batch(const batch&) = delete;
  batch& operator=(const batch&) = delete;
  ~batch() {
    if (!open_) return;
    try {
      db_.execute("ROLLBACK");
    } catch (const store::failure&) {
      // No transaction is open any more: SQLite ended it with the failure that brought us here.
    }
  }

  void row_written() {
    if (++rows_ < size_) return;
    db_.execute("COMMIT");
    open_ = false;
    rows_ = 0;
    if (committed_) committed_();
    db_.execute("BEGIN IMMEDIATE");
    open_ = true;
  }
  void finish() {
    db_.execute("COMMIT");
    open_ = false;
  }

 private:
  connection& db_;
  std::int64_t size_;
  std::function<void()> committed_;
  std::int64_t rows_ = 0;
  bool open_ = false;
};

// Writes each row by its prepared insert, in the open batch.
class insert_sink final : public seed_sink {
 public:
  insert_sink(connection& db, batch& writes) : db_(db), writes_(writes) {}

  void add_restaurant(const domain::restaurant& row) override { insert(insert_restaurant_sql, row); }
  void add_menu_item(const domain::menu_item& row) override { insert(insert_menu_item_sql, row); }
  void add_customer(const domain::customer& row) override { insert(insert_customer_sql, row); }
  void add_order(const domain::order& row) override { insert(insert_order_sql, row); }
  void add_order_item(const domain::order_item& row) override { insert(insert_order_item_sql, row); }
  void add_review(const domain::review& row) override { insert(insert_review_sql, row); }
  void add_status_change(const seed_status_change& row) override {
    db_.use(insert_status_sql).bind_all(row.id, row.order_id, domain::name_of(row.status), row.changed_at).run();
    writes_.row_written();
  }
  void set_ratings(const std::vector<seed_rating>& ratings) override {
    for (const auto& each : ratings) {
      db_.use(update_rating_sql).bind_all(each.restaurant_id, each.rating).run();
      writes_.row_written();
    }
  }

 private:
  template <class Entity>
  void insert(const std::string& sql, const Entity& row) {
    auto statement = db_.use(sql);
    bind_row(statement, row).run();
    writes_.row_written();
  }

  connection& db_;
  batch& writes_;
};

}  // namespace

bulk_loader::bulk_loader(const std::string& path, std::int64_t batch_rows)
    : db_(path), batch_rows_(std::max<std::int64_t>(1, batch_rows)) {
  // Every reference is to a row this loader has just written, so the per-row foreign key
  // lookups (a sixth of the load time) are skipped; the tests run foreign_key_check.
  db_.execute(
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;"
      "PRAGMA cache_size = -131072;");
}

bool bulk_loader::is_empty() {
  auto rows = db_.use(
      "SELECT EXISTS (SELECT 1 FROM restaurants) OR EXISTS (SELECT 1 FROM menu_items) OR "
      "EXISTS (SELECT 1 FROM customers) OR EXISTS (SELECT 1 FROM orders)");
  rows.next();
  return !rows.boolean(0);
}

seed_counts bulk_loader::load(const seed_plan& plan, const std::function<void(const seed_counts&)>& progress) {
  seed_generator generate(plan);
  batch writes(db_, batch_rows_, [&] {
    if (progress) progress(generate.counts());
  });
  if (!is_empty()) throw seed_target_not_empty();
  insert_sink sink(db_, writes);
  const seed_counts counts = generate.run(sink);
  writes.finish();
  return counts;
}

}  // namespace zomato::store::sqlite
