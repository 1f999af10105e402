#pragma once

#include "domain/entities.hpp"
#include "domain/patches.hpp"
#include "domain/result.hpp"
#include "domain/summaries.hpp"
#include "services/write_context.hpp"
#include "store/database.hpp"

namespace zomato::services {

/// Customers: unique e-mail, partial updates, removal with their orders and reviews.
class customer_service {
 public:
  explicit customer_service(store::database& db) : db_(db) {}

  /// Registers a validated customer; rule_violation if the e-mail is taken.
  domain::result<domain::customer> create(write_context& writes, domain::customer draft);
  domain::result<domain::customer> get(domain::id_t id);
  store::page_of<domain::customer> list(bool active_only, store::page window);
  domain::result<domain::customer> update(write_context& writes, domain::id_t id, const domain::customer_patch& patch);
  /// Removes the customer, their orders and reviews, and re-rates the restaurants they reviewed.
  domain::result<domain::done> remove(write_context& writes, domain::id_t id);
  domain::result<domain::customer_order_summary> analytics(domain::id_t id);

 private:
  store::database& db_;
};

}  // namespace zomato::services
