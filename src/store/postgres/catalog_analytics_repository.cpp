#include "store/postgres/repositories.hpp"

namespace zomato::store::postgres {

domain::menu_summary catalog_analytics_repository::menu_summary(domain::id_t restaurant_id) {
  domain::menu_summary summary;
  {
    auto totals = db_.use(
        "SELECT COUNT(*), SUM(price_cents), MIN(price_cents), MAX(price_cents), "
        "COUNT(*) FILTER (WHERE is_vegetarian), COUNT(*) FILTER (WHERE is_vegan), "
        "COUNT(*) FILTER (WHERE is_gluten_free) FROM menu_items WHERE restaurant_id = ?1");
    totals.bind_all(restaurant_id);
    totals.next();
    summary.item_count = totals.integer(0);
    summary.price_sum = totals.sum(1);
    summary.min_price = totals.optional_integer(2);
    summary.max_price = totals.optional_integer(3);
    summary.vegetarian = totals.integer(4);
    summary.vegan = totals.integer(5);
    summary.gluten_free = totals.integer(6);
  }
  auto categories = db_.use("SELECT DISTINCT category FROM menu_items WHERE restaurant_id = ?1 ORDER BY category");
  categories.bind_all(restaurant_id);
  while (categories.next()) summary.categories.push_back(categories.text(0));
  return summary;
}

std::vector<domain::cuisine_count> catalog_analytics_repository::cuisines(std::int64_t limit) {
  std::vector<domain::cuisine_count> counts;
  auto rows = db_.use(
      "SELECT cuisine_type, COUNT(*) AS n FROM restaurants GROUP BY cuisine_type ORDER BY n DESC, cuisine_type "
      "LIMIT ?1");
  rows.bind_all(limit);
  while (rows.next()) counts.push_back({rows.text(0), rows.integer(1)});
  return counts;
}

std::int64_t catalog_analytics_repository::cuisine_total() {
  auto row = db_.use("SELECT COUNT(DISTINCT cuisine_type) FROM restaurants");
  row.next();
  return row.integer(0);
}

std::vector<domain::price_band_count> catalog_analytics_repository::price_bands(
    const std::vector<domain::price_band_count>& bands) {
  std::vector<domain::price_band_count> counted = bands;
  for (auto& band : counted) {
    auto row =
        db_.use("SELECT COUNT(*) FROM menu_items WHERE price_cents >= ?1 AND (?2::bigint IS NULL OR price_cents < ?2)");
    row.bind_all(band.low, band.high);
    row.next();
    band.item_count = row.integer(0);
  }
  return counted;
}

std::int64_t catalog_analytics_repository::item_count() {
  auto row = db_.use("SELECT COUNT(*) FROM menu_items");
  row.next();
  return row.integer(0);
}

std::vector<domain::id_t> catalog_analytics_repository::most_ordered_restaurants(std::int64_t limit) {
  std::vector<domain::id_t> ids;
  // The order dates are text in the contract's form: 30 days before the newest, written back in it.
  auto rows = db_.use(
      "SELECT r.id FROM restaurants r LEFT JOIN orders o ON o.restaurant_id = r.id AND o.order_date >= "
      "(SELECT to_char(MAX(order_date)::timestamp - interval '30 days', 'YYYY-MM-DD\"T\"HH24:MI:SS') FROM orders) "
      "GROUP BY r.id ORDER BY COUNT(o.id) DESC, r.id LIMIT ?1");
  rows.bind_all(limit);
  while (rows.next()) ids.push_back(rows.integer(0));
  return ids;
}

domain::cents_sum catalog_analytics_repository::price_sum() {
  auto row = db_.use("SELECT SUM(price_cents) FROM menu_items");
  row.next();
  return row.sum(0);
}

}  // namespace zomato::store::postgres
