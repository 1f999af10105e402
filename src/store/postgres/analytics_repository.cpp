#include "store/postgres/repositories.hpp"
#include "store/status_column.hpp"

namespace zomato::store::postgres {

domain::revenue_day analytics_repository::revenue_between(const std::string& from, const std::string& to) {
  domain::revenue_day day;
  const std::string window = " FROM orders WHERE order_date >= ?1 AND order_date < ?2";
  {
    auto totals = db_.use(
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE order_status <> 'cancelled'), "
        "COUNT(*) FILTER (WHERE order_status = 'cancelled'), COUNT(DISTINCT customer_id), "
        "SUM(total_cents) FILTER (WHERE order_status <> 'cancelled')" +
        window);
    totals.bind_all(from, to);
    totals.next();
    day.total_orders = totals.integer(0);
    day.paid_orders = totals.integer(1);
    day.cancelled_orders = totals.integer(2);
    day.customers = totals.integer(3);
    day.revenue = totals.sum(4);
  }
  {
    auto statuses = db_.use("SELECT order_status, COUNT(*)" + window + " GROUP BY order_status ORDER BY order_status");
    statuses.bind_all(from, to);
    while (statuses.next()) day.by_status.push_back({status_at(statuses, 0), statuses.integer(1)});
  }
  auto top = db_.use(
      "SELECT o.restaurant_id, r.name, SUM(o.total_cents) AS revenue FROM orders o "
      "JOIN restaurants r ON r.id = o.restaurant_id WHERE o.order_date >= ?1 AND o.order_date < ?2 "
      "AND o.order_status <> 'cancelled' GROUP BY o.restaurant_id, r.name ORDER BY revenue DESC, o.restaurant_id "
      "LIMIT 5");
  top.bind_all(from, to);
  while (top.next()) day.top_restaurants.push_back({top.integer(0), top.text(1), top.sum(2)});
  return day;
}

domain::customer_activity analytics_repository::customers_since(const std::string& since) {
  domain::customer_activity activity;
  {
    auto total = db_.use("SELECT COUNT(*) FROM customers");
    total.next();
    activity.total_customers = total.integer(0);
  }
  auto rows = db_.use(
      "SELECT COUNT(*) FILTER (WHERE n = 1), COUNT(*) FILTER (WHERE n BETWEEN 2 AND 5), "
      "COUNT(*) FILTER (WHERE n > 5), COALESCE(SUM(n), 0), SUM(spent) FROM (SELECT customer_id, COUNT(*) AS n, "
      "SUM(total_cents) FILTER (WHERE order_status <> 'cancelled') AS spent "
      "FROM orders WHERE order_date >= ?1 GROUP BY customer_id) AS per_customer");
  rows.bind_all(since);
  rows.next();
  activity.one_order = rows.integer(0);
  activity.two_to_five = rows.integer(1);
  activity.more_than_five = rows.integer(2);
  activity.orders = rows.integer(3);
  activity.spent = rows.sum(4);
  return activity;
}

std::vector<domain::restaurant_performance> analytics_repository::performance(std::optional<domain::id_t> restaurant_id,
                                                                              std::int64_t limit) {
  std::vector<domain::restaurant_performance> rows;
  // ?1 is cast where it first appears: PostgreSQL cannot tell the type of a parameter only tested for NULL.
  auto query = db_.use(
      "SELECT r.id, r.name, r.rating, COALESCE(o.total, 0), COALESCE(o.completed, 0), COALESCE(o.cancelled, 0), "
      "COALESCE(o.revenue, 0), COALESCE(v.n, 0), COALESCE(v.s, 0) FROM restaurants r "
      "LEFT JOIN (SELECT restaurant_id, COUNT(*) AS total, COUNT(*) FILTER (WHERE order_status = 'delivered') "
      "AS completed, COUNT(*) FILTER (WHERE order_status = 'cancelled') AS cancelled, "
      "SUM(total_cents) FILTER (WHERE order_status <> 'cancelled') AS revenue "
      "FROM orders WHERE ?1::bigint IS NULL OR restaurant_id = ?1 GROUP BY restaurant_id) o "
      "ON o.restaurant_id = r.id "
      "LEFT JOIN (SELECT restaurant_id, COUNT(*) AS n, SUM(rating) AS s FROM reviews "
      "WHERE ?1 IS NULL OR restaurant_id = ?1 GROUP BY restaurant_id) v ON v.restaurant_id = r.id "
      "WHERE ?1 IS NULL OR r.id = ?1 ORDER BY COALESCE(o.revenue, 0) DESC, r.id LIMIT ?2");
  query.bind_all(restaurant_id, limit);
  while (query.next()) {
    rows.push_back({query.integer(0), query.text(1), query.real(2), query.integer(3), query.integer(4),
                    query.integer(5), query.sum(6), query.integer(7), query.integer(8)});
  }
  return rows;
}

std::int64_t analytics_repository::restaurant_count() {
  auto row = db_.use("SELECT COUNT(*) FROM restaurants");
  row.next();
  return row.integer(0);
}

std::vector<domain::item_sales> analytics_repository::popular_items(const std::string& since, std::int64_t limit) {
  std::vector<domain::item_sales> items;
  auto rows = db_.use(
      "SELECT m.id, m.name, m.restaurant_id, r.name, SUM(oi.quantity) AS quantity, "
      "COUNT(DISTINCT oi.order_id), SUM(oi.quantity * oi.item_price_cents) FROM order_items oi "
      "JOIN orders o ON o.id = oi.order_id JOIN menu_items m ON m.id = oi.menu_item_id "
      "JOIN restaurants r ON r.id = m.restaurant_id WHERE o.order_date >= ?1 AND o.order_status <> 'cancelled' "
      "GROUP BY m.id, r.id ORDER BY quantity DESC, m.id LIMIT ?2");
  rows.bind_all(since, limit);
  while (rows.next()) {
    items.push_back(
        {rows.integer(0), rows.text(1), rows.integer(2), rows.text(3), rows.integer(4), rows.integer(5), rows.sum(6)});
  }
  return items;
}

}  // namespace zomato::store::postgres
