#pragma once

#include <string>

#include "services/catalog_analytics_service.hpp"

namespace zomato::schemas {

/// {restaurant_id, restaurant_name, total_menu_items, average_price, price_range{min,max},
///  categories, dietary_options{vegetarian_items, vegan_items, gluten_free_items}}
std::string render(const services::restaurant_menu_analytics& analytics);
/// {popular_cuisines:[{cuisine, restaurant_count}], total_cuisines}
std::string render(const services::cuisine_ranking& ranking);
/// {price_ranges:[{range, min_price, max_price, item_count, percentage}], total_items, average_price}
std::string render(const services::price_distribution& distribution);

}  // namespace zomato::schemas
