#include "api/cache_warmer.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace zomato::api {

double elapsed_ms(std::chrono::steady_clock::time_point started) {
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return std::round(ms * 1000.0) / 1000.0;
}

std::vector<std::int64_t> cache_warmer::ids_from(std::string_view path, std::string_view plural, std::size_t limit) {
  std::vector<std::int64_t> ids;
  const auto reply = get_(path, "skip=0&limit=" + std::to_string(limit), "");
  if (reply.status != 200) return ids;
  const auto document = nlohmann::json::parse(reply.payload(), nullptr, false);
  if (document.is_discarded() || !document.contains(plural)) return ids;
  for (const auto& row : document[std::string(plural)]) ids.push_back(row.value("id", std::int64_t{0}));
  return ids;
}

std::vector<std::string> cache_warmer::targets_of(cache::cache_namespace ns, std::size_t limit) {
  using cache::cache_namespace;
  std::vector<std::string> targets;
  const auto each = [&](std::string_view path, std::string_view plural, const std::vector<std::string>& shapes) {
    for (const auto id : ids_from(path, plural, limit)) {
      for (const auto& shape : shapes) targets.push_back(std::string(path) + std::to_string(id) + shape);
    }
  };
  switch (ns) {
    case cache_namespace::restaurants:
      targets = {"/restaurants/", "/restaurants/active"};
      each("/restaurants/", "restaurants", {""});
      break;
    case cache_namespace::menu_items:
      targets = {"/menu-items/"};
      each("/menu-items/", "menu_items", {"", "/with-restaurant"});
      break;
    case cache_namespace::restaurant_menus: each("/restaurants/", "restaurants", {"/menu", "/with-menu"}); break;
    case cache_namespace::search:
      targets = {"/menu-items/dietary/vegetarian", "/menu-items/dietary/vegan", "/menu-items/dietary/gluten-free",
                 "/menu-items/search"};
      break;
    case cache_namespace::analytics:
      targets = {"/restaurants/analytics/popular-cuisines", "/restaurants/analytics/price-ranges"};
      each("/restaurants/", "restaurants", {"/analytics"});
      for (const auto id : ids_from("/restaurants/", "restaurants", limit)) {
        targets.push_back("/reviews/restaurants/" + std::to_string(id) + "/analytics");
      }
      break;
    case cache_namespace::customers:
      targets = {"/customers/"};
      each("/customers/", "customers", {""});
      break;
    case cache_namespace::orders: each("/customers/", "customers", {"/orders"}); break;
    case cache_namespace::reviews:
      for (const auto id : ids_from("/restaurants/", "restaurants", limit)) {
        targets.push_back("/reviews/restaurants/" + std::to_string(id) + "/reviews");
      }
      break;
    case cache_namespace::realtime: break;
  }
  return targets;
}

warm_step cache_warmer::warm(const std::string& type, const std::vector<std::string>& targets) {
  warm_step step{type, 0, 0.0};
  const auto started = std::chrono::steady_clock::now();
  for (const auto& target : targets) {
    const auto question = target.find('?');
    const std::string_view whole(target);
    const auto path = whole.substr(0, question);
    const auto query = question == std::string::npos ? std::string_view{} : whole.substr(question + 1);
    if (get_(path, query, "no-cache").status == 200) ++step.count;
  }
  step.time_ms = elapsed_ms(started);
  return step;
}

}  // namespace zomato::api
