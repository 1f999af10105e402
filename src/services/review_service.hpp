#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/entities.hpp"
#include "domain/result.hpp"
#include "domain/summaries.hpp"
#include "services/write_context.hpp"
#include "store/database.hpp"

namespace zomato::services {

struct review_with_customer {
  domain::review review;
  domain::customer customer;
};

/// Reviews: one per delivered order, by its own customer; they set the restaurant's rating.
class review_service {
 public:
  explicit review_service(store::database& db) : db_(db) {}

  /// Adds a review and re-rates the restaurant. not_found for a missing order or customer, or an
  /// order the writer may not see; rule_violation when it is another customer's order, not
  /// delivered, or already reviewed.
  domain::result<domain::review> add(write_context& writes, domain::id_t order_id, domain::id_t customer_id,
                                     std::int64_t rating, const std::optional<std::string>& comment);
  /// A window of the restaurant's reviews written within `written`, each with its customer;
  /// not_found for a missing restaurant.
  domain::result<store::page_of<review_with_customer>> of_restaurant(domain::id_t restaurant_id,
                                                                     const domain::time_range& written,
                                                                     store::page window);
  /// A window of the customer's reviews written within `written`, each with its customer;
  /// not_found for a missing customer.
  domain::result<store::page_of<review_with_customer>> of_customer(domain::id_t customer_id,
                                                                   const domain::time_range& written,
                                                                   store::page window);
  /// Orders, revenue, ratings and popular items of a restaurant; not_found if absent.
  domain::result<domain::restaurant_order_summary> restaurant_analytics(domain::id_t restaurant_id);

 private:
  store::database& db_;
};

}  // namespace zomato::services
