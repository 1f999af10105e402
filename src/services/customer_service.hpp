#pragma once

#include "domain/entities.hpp"
#include "domain/patches.hpp"
#include "domain/result.hpp"
#include "domain/summaries.hpp"
#include "services/changes.hpp"
#include "store/database.hpp"

namespace zomato::services {

/// Customers: unique e-mail, partial updates, removal with their orders and reviews.
class customer_service {
 public:
  customer_service(store::database& db, change_listener& changes = ignore_changes()) : db_(db), changes_(changes) {}

  /// Registers a validated customer; rule_violation if the e-mail is taken.
  domain::result<domain::customer> create(domain::customer draft);
  domain::result<domain::customer> get(domain::id_t id);
  store::page_of<domain::customer> list(bool active_only, store::page window);
  domain::result<domain::customer> update(domain::id_t id, const domain::customer_patch& patch);
  /// Removes the customer, their orders and reviews, and re-rates the restaurants they reviewed.
  domain::result<domain::done> remove(domain::id_t id);
  domain::result<domain::customer_order_summary> analytics(domain::id_t id);

 private:
  store::database& db_;
  change_listener& changes_;
};

}  // namespace zomato::services
