#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/notifications.hpp"
#include "domain/summaries.hpp"

namespace zomato::store {

/// Aggregations over orders for the enterprise analytics.
class analytics_repository {
 public:
  virtual ~analytics_repository() = default;
  /// Orders with order_date in [from, to).
  virtual domain::revenue_day revenue_between(const std::string& from, const std::string& to) = 0;
  virtual domain::customer_activity customers_since(const std::string& since) = 0;
  /// By revenue, most first; one restaurant when an id is given.
  virtual std::vector<domain::restaurant_performance> performance(std::optional<domain::id_t> restaurant_id,
                                                                  std::int64_t limit) = 0;
  virtual std::int64_t restaurant_count() = 0;
  /// By quantity sold in non-cancelled orders since the given time, most first.
  virtual std::vector<domain::item_sales> popular_items(const std::string& since, std::int64_t limit) = 0;
};

}  // namespace zomato::store
