#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/entities.hpp"
#include "domain/summaries.hpp"
#include "store/pages.hpp"

namespace zomato::store {

/// Which of an owner's orders a list shows: those in `status` when given, placed within `placed`.
struct order_filter {
  std::optional<domain::order_status> status;
  domain::time_range placed;
};

/// Orders with their lines and status history. Errors of the database itself are thrown.
class order_repository {
 public:
  virtual ~order_repository() = default;
  virtual std::optional<domain::order> find(domain::id_t id) = 0;
  virtual std::vector<domain::order_item> items_of(domain::id_t order_id) = 0;
  /// A window of the customer's orders that the filter keeps, newest first, and their count.
  virtual page_of<domain::order> of_customer(domain::id_t customer_id, const order_filter& filter, page window) = 0;
  /// A window of the restaurant's orders that the filter keeps, newest first, and their count.
  virtual page_of<domain::order> of_restaurant(domain::id_t restaurant_id, const order_filter& filter, page window) = 0;
  /// Stores the order and its lines, writing the new ids into them.
  virtual void insert(domain::order& order, std::vector<domain::order_item>& items) = 0;
  /// Moves the order from `from` to `to` only if it is still in `from` (compare-and-set).
  virtual bool change_status(domain::id_t id, domain::order_status from, domain::order_status to,
                             const std::optional<std::string>& delivery_time) = 0;
  virtual void record_status(domain::id_t order_id, domain::order_status status, const std::string& at) = 0;
  virtual std::vector<domain::status_change> history(domain::id_t order_id) = 0;
  virtual domain::restaurant_order_summary restaurant_summary(domain::id_t restaurant_id) = 0;
};

}  // namespace zomato::store
