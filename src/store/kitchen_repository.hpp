#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/notifications.hpp"
#include "domain/summaries.hpp"

namespace zomato::store {

/// What the real-time views read about a restaurant's kitchen.
class kitchen_repository {
 public:
  virtual ~kitchen_repository() = default;
  /// Orders placed, confirmed or being prepared.
  virtual std::int64_t active_orders(domain::id_t restaurant_id) = 0;
  /// Mean preparation time of the available menu, rounded; nullopt without timed items.
  virtual std::optional<std::int64_t> menu_preparation(domain::id_t restaurant_id) = 0;
  /// Orders not yet delivered or cancelled.
  virtual std::vector<domain::pending_order> pending_orders(domain::id_t restaurant_id) = 0;
  /// The slowest item of an order, in minutes; nullopt without timed items.
  virtual std::optional<std::int64_t> order_preparation(domain::id_t order_id) = 0;
};

}  // namespace zomato::store
