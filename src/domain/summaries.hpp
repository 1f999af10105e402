#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/entities.hpp"

namespace zomato::domain {

/// Figures aggregated from stored rows; services derive averages and shapes from them.

struct status_count {
  order_status status = order_status::placed;
  std::int64_t count = 0;
};

struct restaurant_order_count {
  id_t restaurant_id = 0;
  std::string name;
  std::int64_t order_count = 0;
};

struct item_popularity {
  id_t menu_item_id = 0;
  std::string name;
  std::int64_t quantity = 0;
};

/// A customer's orders: all of them, and what the non-cancelled ones cost.
struct customer_order_summary {
  std::int64_t total_orders = 0;
  std::int64_t paid_orders = 0;
  cents_sum spent = 0;
  std::vector<status_count> by_status;
  std::vector<restaurant_order_count> favorite_restaurants;
};

/// A restaurant's orders and reviews.
struct restaurant_order_summary {
  std::int64_t total_orders = 0;
  cents_sum revenue = 0;
  std::int64_t review_count = 0;
  std::int64_t rating_sum = 0;
  std::vector<status_count> by_status;
  std::vector<item_popularity> popular_items;
};

/// A restaurant's menu: counts, prices, categories and dietary flags.
struct menu_summary {
  std::int64_t item_count = 0;
  cents_sum price_sum = 0;
  std::optional<cents> min_price;
  std::optional<cents> max_price;
  std::vector<std::string> categories;
  std::int64_t vegetarian = 0;
  std::int64_t vegan = 0;
  std::int64_t gluten_free = 0;
};

struct cuisine_count {
  std::string cuisine;
  std::int64_t restaurant_count = 0;
};

/// Menu items whose price lies in [low, high) (high absent: no upper bound).
struct price_band_count {
  cents low = 0;
  std::optional<cents> high;
  std::int64_t item_count = 0;
};

struct restaurant_revenue {
  id_t restaurant_id = 0;
  std::string name;
  cents_sum revenue = 0;
};

/// Orders placed on one day.
struct revenue_day {
  std::int64_t total_orders = 0;
  std::int64_t paid_orders = 0;
  std::int64_t cancelled_orders = 0;
  std::int64_t customers = 0;
  cents_sum revenue = 0;
  std::vector<status_count> by_status;
  std::vector<restaurant_revenue> top_restaurants;
};

/// How many customers ordered how often in a period.
struct customer_activity {
  std::int64_t total_customers = 0;
  std::int64_t one_order = 0;
  std::int64_t two_to_five = 0;
  std::int64_t more_than_five = 0;
  std::int64_t orders = 0;
  cents_sum spent = 0;
};

struct restaurant_performance {
  id_t restaurant_id = 0;
  std::string name;
  double rating = 0.0;
  std::int64_t total_orders = 0;
  std::int64_t completed_orders = 0;
  std::int64_t cancelled_orders = 0;
  cents_sum revenue = 0;
  std::int64_t review_count = 0;
  std::int64_t rating_sum = 0;
};

struct item_sales {
  id_t menu_item_id = 0;
  std::string name;
  id_t restaurant_id = 0;
  std::string restaurant_name;
  std::int64_t quantity = 0;
  std::int64_t order_count = 0;
  cents_sum revenue = 0;
};

/// An unfinished order of a restaurant: when it was placed and how long its slowest item takes.
struct pending_order {
  std::string order_date;
  std::int64_t preparation_minutes = 0;
};

}  // namespace zomato::domain
