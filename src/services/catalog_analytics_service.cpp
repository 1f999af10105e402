#include "services/catalog_analytics_service.hpp"

namespace zomato::services {

domain::result<restaurant_menu_analytics> catalog_analytics_service::restaurant_menu(domain::id_t restaurant_id) {
  auto tx = db_.read();
  auto restaurant = tx->restaurants().find(restaurant_id);
  if (!restaurant) return domain::not_found("Restaurant not found");
  return restaurant_menu_analytics{std::move(*restaurant), tx->catalog_analytics().menu_summary(restaurant_id)};
}

cuisine_ranking catalog_analytics_service::popular_cuisines(std::int64_t limit) {
  auto tx = db_.read();
  return {tx->catalog_analytics().cuisines(limit), tx->catalog_analytics().cuisine_total()};
}

price_distribution catalog_analytics_service::price_ranges() {
  static const std::vector<std::string> names{"Budget", "Moderate", "Premium", "Luxury"};
  const std::vector<domain::price_band_count> bands{{0, 1000, 0}, {1000, 2500, 0}, {2500, 5000, 0}, {5000, {}, 0}};
  auto tx = db_.read();
  price_distribution result;
  const auto counted = tx->catalog_analytics().price_bands(bands);
  for (std::size_t i = 0; i < counted.size(); ++i) result.bands.push_back({names[i], counted[i]});
  result.total_items = tx->catalog_analytics().item_count();
  result.price_sum = tx->catalog_analytics().price_sum();
  return result;
}

std::vector<domain::id_t> catalog_analytics_service::most_ordered_restaurants(std::int64_t limit) {
  return db_.read()->catalog_analytics().most_ordered_restaurants(limit);
}

}  // namespace zomato::services
