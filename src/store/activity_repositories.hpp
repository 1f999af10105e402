#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/notifications.hpp"
#include "domain/summaries.hpp"

namespace zomato::store {

/// A customer's notifications, newest first.
class notification_repository {
 public:
  virtual ~notification_repository() = default;
  /// Stores the notification and writes its id into it.
  virtual void add(domain::notification& note) = 0;
  /// Marks every earlier notification of the order read (a newer one supersedes them).
  virtual void mark_order_read(domain::id_t order_id) = 0;
  virtual std::vector<domain::notification> of_customer(domain::id_t customer_id, std::int64_t limit) = 0;
  virtual std::int64_t unread_count(domain::id_t customer_id) = 0;
};

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

/// Which restaurants and customers are demo data, so removing the demo leaves the rest alone.
class sample_repository {
 public:
  virtual ~sample_repository() = default;
  virtual void remember(const std::string& kind, domain::id_t id) = 0;
  virtual std::vector<domain::id_t> ids(const std::string& kind) = 0;
  virtual void forget_all() = 0;
};

}  // namespace zomato::store
