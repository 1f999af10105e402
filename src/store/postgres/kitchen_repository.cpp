#include "store/postgres/repositories.hpp"

namespace zomato::store::postgres {

std::int64_t kitchen_repository::active_orders(domain::id_t restaurant_id) {
  auto row = db_.use(
      "SELECT COUNT(*) FROM orders WHERE restaurant_id = ?1 AND order_status IN ('placed', 'confirmed', 'preparing')");
  row.bind_all(restaurant_id);
  row.next();
  return row.integer(0);
}

// AVG of integers is exact here (numeric) where SQLite's is a double; both round halves away
// from zero, and a mean of whole minutes is never close enough to a half for the two to differ.
std::optional<std::int64_t> kitchen_repository::menu_preparation(domain::id_t restaurant_id) {
  auto row = db_.use(
      "SELECT CAST(ROUND(AVG(preparation_time)) AS BIGINT) FROM menu_items "
      "WHERE restaurant_id = ?1 AND is_available AND preparation_time IS NOT NULL");
  row.bind_all(restaurant_id);
  row.next();
  return row.optional_integer(0);
}

std::vector<domain::pending_order> kitchen_repository::pending_orders(domain::id_t restaurant_id) {
  std::vector<domain::pending_order> pending;
  auto rows = db_.use(
      "SELECT o.order_date, COALESCE(MAX(m.preparation_time), 0) FROM orders o "
      "JOIN order_items oi ON oi.order_id = o.id JOIN menu_items m ON m.id = oi.menu_item_id "
      "WHERE o.restaurant_id = ?1 AND o.order_status IN ('placed', 'confirmed', 'preparing', 'out_for_delivery') "
      "GROUP BY o.id ORDER BY o.id");
  rows.bind_all(restaurant_id);
  while (rows.next()) pending.push_back({rows.text(0), rows.integer(1)});
  return pending;
}

std::optional<std::int64_t> kitchen_repository::order_preparation(domain::id_t order_id) {
  auto row = db_.use(
      "SELECT MAX(m.preparation_time) FROM order_items oi JOIN menu_items m ON m.id = oi.menu_item_id "
      "WHERE oi.order_id = ?1");
  row.bind_all(order_id);
  row.next();
  return row.optional_integer(0);
}

}  // namespace zomato::store::postgres
