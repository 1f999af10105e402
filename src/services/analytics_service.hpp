#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/result.hpp"
#include "domain/summaries.hpp"
#include "store/database.hpp"

namespace zomato::services {

/// A look-back window such as "24h", "7d" or "2w".
struct period {
  std::string text;
  std::chrono::hours length{0};
};

/// "<n>h", "<n>d" or "<n>w" with n from 1, up to a year; nullopt otherwise.
std::optional<period> period_of(const std::string& text);

struct revenue_report {
  std::string date;
  domain::revenue_day day;
};

struct behavior_report {
  period window;
  std::string since;
  domain::customer_activity activity;
};

struct performance_report {
  std::vector<domain::restaurant_performance> restaurants;
  std::int64_t total_restaurants = 0;
};

struct popular_items_report {
  period window;
  std::string since;
  std::vector<domain::item_sales> items;
};

/// Enterprise analytics, aggregated in SQL from the orders.
class analytics_service {
 public:
  explicit analytics_service(store::database& db) : db_(db) {}

  /// Orders placed on the day ("YYYY-MM-DD", already checked).
  revenue_report daily_revenue(const std::string& date);
  behavior_report customer_behavior(const period& window, std::chrono::system_clock::time_point now);
  /// One restaurant (not_found if absent) or the first `limit` by revenue.
  domain::result<performance_report> restaurant_performance(std::optional<domain::id_t> restaurant_id,
                                                            std::int64_t limit);
  popular_items_report popular_items(const period& window, std::int64_t limit,
                                     std::chrono::system_clock::time_point now);

 private:
  store::database& db_;
};

}  // namespace zomato::services
