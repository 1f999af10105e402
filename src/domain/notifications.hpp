#pragma once

#include <string>

#include "domain/entities.hpp"

namespace zomato::domain {

struct notification {
  id_t id = 0;
  id_t customer_id = 0;
  std::optional<id_t> order_id;
  std::string kind;  // "order_update", "delivery_update", "review_request"
  std::string title;
  std::string message;
  std::string created_at;
  bool read = false;
};

/// The notification a customer gets when their order enters a status (placed included):
/// its title names the status, its message the order and the restaurant.
notification status_notification(const order& placed, const std::string& restaurant_name, order_status status,
                                 const std::string& at);

/// The request to review a delivered order.
notification review_request(const order& delivered, const std::string& restaurant_name, const std::string& at);

}  // namespace zomato::domain
