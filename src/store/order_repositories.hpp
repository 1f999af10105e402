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

/// Orders with their lines and status history. Errors of the database itself are thrown.
class order_repository {
 public:
  virtual ~order_repository() = default;
  virtual std::optional<domain::order> find(domain::id_t id) = 0;
  virtual std::vector<domain::order_item> items_of(domain::id_t order_id) = 0;
  virtual page_of<domain::order> of_customer(domain::id_t customer_id, std::optional<domain::order_status> status,
                                             page window) = 0;
  virtual page_of<domain::order> of_restaurant(domain::id_t restaurant_id, std::optional<domain::order_status> status,
                                               page window) = 0;
  /// Stores the order and its lines, writing the new ids into them.
  virtual void insert(domain::order& order, std::vector<domain::order_item>& items) = 0;
  /// Moves the order from `from` to `to` only if it is still in `from` (compare-and-set).
  virtual bool change_status(domain::id_t id, domain::order_status from, domain::order_status to,
                             const std::optional<std::string>& delivery_time) = 0;
  virtual void record_status(domain::id_t order_id, domain::order_status status, const std::string& at) = 0;
  virtual std::vector<domain::status_change> history(domain::id_t order_id) = 0;
  virtual domain::restaurant_order_summary restaurant_summary(domain::id_t restaurant_id) = 0;
};

/// Reviews, newest first. Errors of the database itself are thrown.
class review_repository {
 public:
  virtual ~review_repository() = default;
  virtual std::optional<domain::review> of_order(domain::id_t order_id) = 0;
  virtual page_of<domain::review> of_restaurant(domain::id_t restaurant_id, page window) = 0;
  virtual page_of<domain::review> of_customer(domain::id_t customer_id, page window) = 0;
  virtual void insert(domain::review& review) = 0;
  /// The restaurants a customer reviewed (their ratings change when the reviews go).
  virtual std::vector<domain::id_t> restaurants_reviewed_by(domain::id_t customer_id) = 0;
  /// Sets the restaurant's rating to the mean of its reviews, rounded half-even to 1 decimal
  /// (0.0 when it has none).
  virtual void refresh_rating(domain::id_t restaurant_id) = 0;
};

/// Remembered order placements, so a retried request gets the first order back.
class idempotency_repository {
 public:
  virtual ~idempotency_repository() = default;
  struct entry {
    std::string request;
    domain::id_t order_id = 0;
  };
  virtual std::optional<entry> find(domain::id_t customer_id, const std::string& key) = 0;
  virtual void remember(domain::id_t customer_id, const std::string& key, const std::string& request,
                        domain::id_t order_id, const std::string& at) = 0;
  /// Forgets keys remembered before the given time.
  virtual void forget_before(const std::string& at) = 0;
};

/// Aggregations over the catalogue.
class catalog_analytics_repository {
 public:
  virtual ~catalog_analytics_repository() = default;
  virtual domain::menu_summary menu_summary(domain::id_t restaurant_id) = 0;
  virtual std::vector<domain::cuisine_count> cuisines(std::int64_t limit) = 0;
  virtual std::int64_t cuisine_total() = 0;
  /// Item counts per band, in the order of the bands given.
  virtual std::vector<domain::price_band_count> price_bands(const std::vector<domain::price_band_count>& bands) = 0;
  virtual std::int64_t item_count() = 0;
  /// Restaurant ids by number of orders, most first.
  virtual std::vector<domain::id_t> most_ordered_restaurants(std::int64_t limit) = 0;
  virtual domain::cents_sum price_sum() = 0;
};

}  // namespace zomato::store
