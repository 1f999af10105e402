#include "store/postgres/repositories.hpp"

#include "store/entity_rows.hpp"
#include "store/status_column.hpp"

namespace zomato::store::postgres {
namespace {

const std::string columns = column_list<domain::customer>();
const std::string find_by_id = "SELECT " + columns + " FROM customers WHERE id = ?1";
const std::string insert_customer = insert_sql<domain::customer>("customers") + " RETURNING id";
const std::string update_customer = update_sql<domain::customer>("customers");

}  // namespace

std::optional<domain::customer> customer_repository::find(domain::id_t id) {
  return first_entity<domain::customer>(db_, find_by_id, id);
}

page_of<domain::customer> customer_repository::list(bool active_only, page window) {
  const std::string filter = " FROM customers WHERE NOT ?1 OR is_active";
  return page_of_entities<domain::customer>(
      db_, "SELECT COUNT(*)" + filter,
      "SELECT " + columns + filter + " ORDER BY created_at DESC, id LIMIT ?2 OFFSET ?3", window, active_only);
}

std::optional<domain::id_t> customer_repository::id_with_email(const std::string& email) {
  return first_integer(db_, "SELECT id FROM customers WHERE email = ?1", email);
}

void customer_repository::insert(domain::customer& c) {
  auto insert = db_.use(insert_customer);
  bind_insert(insert, c).next();
  c.id = insert.integer(0);
}

void customer_repository::update(const domain::customer& c) {
  auto update = db_.use(update_customer);
  bind_update(update, c).run();
}

bool customer_repository::remove(domain::id_t id) {
  return db_.use("DELETE FROM customers WHERE id = ?1").bind_all(id).run() > 0;
}

domain::customer_order_summary customer_repository::order_summary(domain::id_t id) {
  domain::customer_order_summary summary;
  {
    auto totals = db_.use(
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE order_status <> 'cancelled'), "
        "SUM(total_cents) FILTER (WHERE order_status <> 'cancelled') "
        "FROM orders WHERE customer_id = ?1");
    totals.bind_all(id);
    totals.next();
    summary.total_orders = totals.integer(0);
    summary.paid_orders = totals.integer(1);
    summary.spent = totals.sum(2);
  }
  {
    auto statuses = db_.use(
        "SELECT order_status, COUNT(*) FROM orders WHERE customer_id = ?1 GROUP BY order_status ORDER BY order_status");
    statuses.bind_all(id);
    while (statuses.next()) summary.by_status.push_back({status_at(statuses, 0), statuses.integer(1)});
  }
  auto favorites = db_.use(
      "SELECT o.restaurant_id, r.name, COUNT(*) AS n FROM orders o JOIN restaurants r ON r.id = o.restaurant_id "
      "WHERE o.customer_id = ?1 GROUP BY o.restaurant_id, r.name ORDER BY n DESC, o.restaurant_id LIMIT 5");
  favorites.bind_all(id);
  while (favorites.next()) {
    summary.favorite_restaurants.push_back({favorites.integer(0), favorites.text(1), favorites.integer(2)});
  }
  return summary;
}

}  // namespace zomato::store::postgres
