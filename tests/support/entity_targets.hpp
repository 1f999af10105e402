#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace zomato::testing {

/// Appends the cached reads about one restaurant (its views, orders, reviews and analytics).
void restaurant_targets(std::int64_t id, std::vector<std::string>& out);
/// Appends the cached reads about one menu item.
void menu_item_targets(std::int64_t id, std::vector<std::string>& out);
/// Appends the cached reads about one customer (the record, orders, reviews and analytics).
void customer_targets(std::int64_t id, std::vector<std::string>& out);

}  // namespace zomato::testing
