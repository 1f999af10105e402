#include "app/warm_start.hpp"

namespace zomato::app {

std::vector<services::warm_step> warm_at_start(warm_start mode, std::size_t top, api::cache_warmer& warmer,
                                               usage_book& book, services::catalog_analytics_service& analytics,
                                               const std::vector<http::route>& routes) {
  std::vector<services::warm_step> steps;
  if (mode == warm_start::off) return steps;
  constexpr std::size_t predicted_per_restaurant = 4;
  steps.push_back(warmer.warm("most_requested", book.most_used(top * predicted_per_restaurant)));
  const auto busiest = analytics.most_ordered_restaurants(static_cast<std::int64_t>(top));
  steps.push_back(warmer.warm("busiest_restaurants", api::restaurant_views(busiest)));
  for (const auto ns : {cache::cache_namespace::restaurants, cache::cache_namespace::analytics}) {
    steps.push_back(warmer.warm(std::string(cache::name_of(ns)), api::warm_plan_of(routes, ns).targets));
  }
  if (mode == warm_start::all) {
    for (const auto ns : cache::all_namespaces) {
      steps.push_back(
          warmer.warm(std::string(cache::name_of(ns)), warmer.targets_of(api::warm_plan_of(routes, ns), top)));
    }
  }
  return steps;
}

}  // namespace zomato::app
