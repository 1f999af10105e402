#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/entities.hpp"
#include "domain/summaries.hpp"
#include "store/pages.hpp"

namespace zomato::store {

/// Customers, newest first. Errors of the database itself are thrown.
class customer_repository {
 public:
  virtual ~customer_repository() = default;
  virtual std::optional<domain::customer> find(domain::id_t id) = 0;
  virtual page_of<domain::customer> list(bool active_only, page window) = 0;
  virtual std::optional<domain::id_t> id_with_email(const std::string& email) = 0;
  virtual void insert(domain::customer& customer) = 0;
  virtual void update(const domain::customer& customer) = 0;
  /// Removes the customer with their orders and reviews; false if absent.
  virtual bool remove(domain::id_t id) = 0;
  virtual domain::customer_order_summary order_summary(domain::id_t id) = 0;
};

}  // namespace zomato::store
