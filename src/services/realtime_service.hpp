#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/entities.hpp"
#include "domain/kitchen.hpp"
#include "domain/notifications.hpp"
#include "domain/principal.hpp"
#include "domain/result.hpp"
#include "store/database.hpp"

namespace zomato::services {

using clock_time = std::chrono::system_clock::time_point;

struct slots_view {
  domain::restaurant restaurant;
  std::vector<domain::delivery_slot> slots;
};

struct availability_view {
  domain::restaurant restaurant;
  std::string status;
  double capacity_percent = 0.0;
  std::int64_t wait_minutes = 0;
  bool accepting_orders = false;
  std::int64_t active_orders = 0;
};

struct pricing_view {
  domain::restaurant restaurant;
  domain::surge surge;
  double current_delivery_fee = 0.0;
  std::int64_t active_orders = 0;
};

struct tracking_view {
  domain::order order;
  std::vector<domain::status_change> history;
  std::optional<std::string> estimated_delivery_time;
};

struct notifications_view {
  std::vector<domain::notification> notes;
  std::int64_t unread = 0;
};

/// Live views computed from the orders a restaurant or a customer has now.
class realtime_service {
 public:
  explicit realtime_service(store::database& db) : db_(db) {}

  domain::result<slots_view> delivery_slots(domain::id_t restaurant_id, clock_time now);
  domain::result<availability_view> availability(domain::id_t restaurant_id, clock_time now);
  domain::result<pricing_view> pricing(domain::id_t restaurant_id, clock_time now);
  /// The order's status, history and ETA (placed + slowest item + delivery; the delivery
  /// time once delivered; none once cancelled). not_found for a missing order or one the caller
  /// may not see.
  domain::result<tracking_view> tracking(const domain::principal& caller, domain::id_t order_id);
  /// The customer's 50 latest notifications, newest first.
  domain::result<notifications_view> notifications(domain::id_t customer_id);

 private:
  store::database& db_;
};

}  // namespace zomato::services
