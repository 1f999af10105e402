#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/entities.hpp"
#include "domain/summaries.hpp"
#include "store/pages.hpp"

namespace zomato::store {

/// Reviews, newest first. Errors of the database itself are thrown.
class review_repository {
 public:
  virtual ~review_repository() = default;
  virtual std::optional<domain::review> of_order(domain::id_t order_id) = 0;
  /// A window of the restaurant's reviews written within `written`, newest first, and their count.
  virtual page_of<domain::review> of_restaurant(domain::id_t restaurant_id, const domain::time_range& written,
                                                page window) = 0;
  /// A window of the customer's reviews written within `written`, newest first, and their count.
  virtual page_of<domain::review> of_customer(domain::id_t customer_id, const domain::time_range& written,
                                              page window) = 0;
  virtual void insert(domain::review& review) = 0;
  /// The restaurants a customer reviewed (their ratings change when the reviews go).
  virtual std::vector<domain::id_t> restaurants_reviewed_by(domain::id_t customer_id) = 0;
  /// Sets the restaurant's rating to the mean of its reviews, rounded half-even to 1 decimal
  /// (0.0 when it has none).
  virtual void refresh_rating(domain::id_t restaurant_id) = 0;
};

}  // namespace zomato::store
