#pragma once

#include <cstdint>
#include <vector>

#include "domain/entities.hpp"
#include "domain/result.hpp"
#include "services/customer_service.hpp"
#include "services/menu_service.hpp"
#include "services/order_service.hpp"
#include "services/restaurant_service.hpp"
#include "services/review_service.hpp"
#include "services/write_context.hpp"

namespace zomato::services {

struct sample_counts {
  std::int64_t restaurants = 0;
  std::int64_t menu_items = 0;
  std::int64_t customers = 0;
  std::int64_t orders = 0;
  std::int64_t reviews = 0;
};

struct sample_result {
  bool already_there = false;
  sample_counts created;
  std::vector<domain::restaurant> restaurants;
};

/// The demo data of the original (five restaurants, fifteen menu items) plus three
/// customers and orders in several states, created through the same use cases as any
/// client's data and remembered so that removing it leaves everything else alone.
class sample_data_service {
 public:
  sample_data_service(store::database& db, restaurant_service& restaurants, menu_service& menu,
                      customer_service& customers, order_service& orders, review_service& reviews)
      : db_(db), restaurants_(restaurants), menu_(menu), customers_(customers), orders_(orders), reviews_(reviews) {}

  /// Creates the demo data, or reports it when it is already there. rule_violation, with
  /// nothing written, when a demo restaurant's name or customer's e-mail is taken by other data.
  domain::result<sample_result> create(write_context& writes);
  /// Removes the demo restaurants and customers with everything that hangs off them.
  sample_counts remove(write_context& writes);

 private:
  std::optional<domain::failure> conflict();
  /// Writes the demo data through the use cases; on a failure the caller removes what was made.
  domain::result<sample_result> populate(write_context& writes, sample_result result);

  store::database& db_;
  restaurant_service& restaurants_;
  menu_service& menu_;
  customer_service& customers_;
  order_service& orders_;
  review_service& reviews_;
};

}  // namespace zomato::services
