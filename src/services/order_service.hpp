#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/entities.hpp"
#include "domain/principal.hpp"
#include "domain/result.hpp"
#include "services/write_context.hpp"
#include "store/database.hpp"
#include "store/order_repository.hpp"

namespace zomato::services {

struct order_line_request {
  domain::id_t menu_item_id = 0;
  std::int64_t quantity = 1;
  std::optional<std::string> special_requests;
};

struct order_request {
  domain::id_t restaurant_id = 0;
  std::string delivery_address;
  std::optional<std::string> special_instructions;
  std::vector<order_line_request> items;
};

/// A client's retry token: the same key with the same request gives back the first order.
struct idempotency {
  std::string key;
  std::string request;  // the canonical request body
};

struct placed_order {
  domain::order order;
  bool replayed = false;
};

struct order_line {
  domain::order_item item;
  domain::menu_item menu_item;
};

struct order_details {
  domain::order order;
  domain::customer customer;
  domain::restaurant restaurant;
  std::vector<order_line> lines;
};

/// Orders: placement in one transaction, the status workflow, lists and details.
class order_service {
 public:
  explicit order_service(store::database& db) : db_(db) {}

  /// Places an order at current prices. not_found for a missing customer or restaurant;
  /// rule_violation for an inactive one, a foreign or unavailable item, a total past
  /// domain::max_order_total_cents; request_mismatch when
  /// the idempotency key was used for a different request.
  domain::result<placed_order> place(write_context& writes, domain::id_t customer_id, const order_request& request,
                                     const std::optional<idempotency>& retry);
  /// The order with its customer, restaurant and lines; not_found for a missing order or one the
  /// caller may not see (domain::principal::may_see).
  domain::result<order_details> details(const domain::principal& caller, domain::id_t id);
  /// Moves the order along the workflow (compare-and-set on its current status); entering
  /// delivered sets delivery_time (the one given, else now). not_found for a missing order or one
  /// the writer may not see; forbidden for a customer's change to another status than cancelled;
  /// rule_violation for a transition the workflow refuses.
  domain::result<domain::order> change_status(write_context& writes, domain::id_t id, domain::order_status to,
                                              const std::optional<std::string>& delivery_time);
  /// A window of the customer's orders that the filter keeps; not_found for a missing customer.
  domain::result<store::page_of<domain::order>> of_customer(domain::id_t customer_id, const store::order_filter& filter,
                                                            store::page window);
  /// A window of the restaurant's orders that the filter keeps; not_found for a missing restaurant.
  domain::result<store::page_of<domain::order>> of_restaurant(domain::id_t restaurant_id,
                                                              const store::order_filter& filter, store::page window);

 private:
  store::database& db_;
};

}  // namespace zomato::services
