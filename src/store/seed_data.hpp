#pragma once

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/entities.hpp"
#include "domain/order_status.hpp"

// The data `zomato-api seed` generates, the same on every engine: the generator draws every row
// from the plan and hands it, with its id, to a sink that writes it (store/sqlite/bulk_loader,
// store/postgres/bulk_loader).
namespace zomato::store {

/// What to generate. The same plan (seed and reference time included) gives the same rows.
struct seed_plan {
  std::int64_t restaurants = 1000;
  std::int64_t menu_items_per_restaurant = 20;
  std::int64_t customers = 10000;
  std::int64_t orders = 100000;
  std::uint64_t seed = 42;
  /// Orders fall in the 90 days before this instant; everything else before them.
  std::chrono::sys_seconds reference_time = std::chrono::sys_days{std::chrono::year{2026} / 11 / 1};
};

/// How many rows a load wrote into each table.
struct seed_counts {
  std::int64_t restaurants = 0;
  std::int64_t menu_items = 0;
  std::int64_t customers = 0;
  std::int64_t orders = 0;
  std::int64_t order_items = 0;
  std::int64_t status_changes = 0;
  std::int64_t reviews = 0;
};

/// One row of order_status_history.
struct seed_status_change {
  std::int64_t id = 0;
  std::int64_t order_id = 0;
  domain::order_status status = domain::order_status::placed;
  std::string changed_at;
};

/// A restaurant's rating: the mean of its reviews' stars, rounded to one decimal.
struct seed_rating {
  std::int64_t restaurant_id = 0;
  double rating = 0.0;
};

/// A database that already holds restaurants, menu items, customers or orders: seeding fills
/// only an empty one, as the generated ids start at 1.
class seed_target_not_empty : public std::runtime_error {
 public:
  seed_target_not_empty() : std::runtime_error("the database already holds data; seed fills only an empty database") {}
};

/// Where the generator's rows go, one call per row, each row with its id (1, 2, 3 ... per
/// table). A row refers only to rows handed over before it. Each call may throw; the generator
/// lets it through.
class seed_sink {
 public:
  virtual ~seed_sink() = default;

  /// A restaurant, rated 0 until set_ratings.
  virtual void add_restaurant(const domain::restaurant& row) = 0;
  /// A menu item of the restaurant handed over last.
  virtual void add_menu_item(const domain::menu_item& row) = 0;
  /// A customer; every restaurant came before the first.
  virtual void add_customer(const domain::customer& row) = 0;
  /// An order; every customer came before the first.
  virtual void add_order(const domain::order& row) = 0;
  /// A line of the order handed over last.
  virtual void add_order_item(const domain::order_item& row) = 0;
  /// A step of the status history of the order handed over last.
  virtual void add_status_change(const seed_status_change& row) = 0;
  /// The review of the order handed over last.
  virtual void add_review(const domain::review& row) = 0;
  /// Last: the rating of every restaurant with reviews, in id order.
  virtual void set_ratings(const std::vector<seed_rating>& ratings) = 0;
};

/// Checks that the plan can be generated: throws std::invalid_argument for negative counts or
/// orders without restaurants, menu items or customers.
void check_seed_plan(const seed_plan& plan);

/// Draws the rows of one plan, in one fixed order: the restaurants, each followed by its menu
/// items; the customers; the orders, each followed by its items, its status history and its
/// review if it has one; then the ratings.
class seed_generator {
 public:
  /// Throws std::invalid_argument as check_seed_plan does.
  explicit seed_generator(const seed_plan& plan);

  /// Hands every row of the plan to the sink; returns how many rows of each kind it handed
  /// over. Lets the sink's exceptions through.
  seed_counts run(seed_sink& sink);

  /// The rows handed over so far by run(), the one being handed over included.
  const seed_counts& counts() const { return counts_; }

 private:
  seed_plan plan_;
  seed_counts counts_;
};

}  // namespace zomato::store
