#include "support/entity_targets.hpp"

namespace zomato::testing {

void restaurant_targets(std::int64_t id, std::vector<std::string>& out) {
  const auto base = std::to_string(id);
  for (const char* shape : {"", "/menu", "/with-menu", "/analytics"}) out.push_back("/restaurants/" + base + shape);
  out.push_back("/orders/restaurants/" + base + "/orders");
  out.push_back("/reviews/restaurants/" + base + "/reviews");
  out.push_back("/reviews/restaurants/" + base + "/analytics");
}

void menu_item_targets(std::int64_t id, std::vector<std::string>& out) {
  out.push_back("/menu-items/" + std::to_string(id));
  out.push_back("/menu-items/" + std::to_string(id) + "/with-restaurant");
}

void customer_targets(std::int64_t id, std::vector<std::string>& out) {
  const auto base = std::to_string(id);
  for (const char* shape : {"", "/orders", "/analytics"}) out.push_back("/customers/" + base + shape);
  out.push_back("/orders/customers/" + base + "/orders");
  out.push_back("/reviews/customers/" + base + "/reviews");
}

}  // namespace zomato::testing
