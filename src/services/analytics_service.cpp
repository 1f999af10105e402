#include "services/analytics_service.hpp"

#include <charconv>

#include "domain/clock.hpp"

namespace zomato::services {

std::optional<period> period_of(const std::string& text) {
  if (text.size() < 2) return std::nullopt;
  int count = 0;
  const auto digits_end = text.data() + text.size() - 1;
  const auto [end, code] = std::from_chars(text.data(), digits_end, count);
  if (code != std::errc{} || end != digits_end || count < 1) return std::nullopt;
  const int hours_per_unit = text.back() == 'h' ? 1 : text.back() == 'd' ? 24 : text.back() == 'w' ? 168 : 0;
  if (hours_per_unit == 0 || count > 366 * 24 / hours_per_unit) return std::nullopt;
  return period{text, std::chrono::hours(count * hours_per_unit)};
}

revenue_report analytics_service::daily_revenue(const std::string& date) {
  // "T24:00:00" (ISO 8601's end of day) sorts after every time of the day and before the
  // next day, whatever the year.
  return {date, db_.read()->analytics().revenue_between(date + "T00:00:00", date + "T24:00:00")};
}

behavior_report analytics_service::customer_behavior(const period& window, std::chrono::system_clock::time_point now) {
  const auto since = domain::format_timestamp(now - window.length);
  return {window, since, db_.read()->analytics().customers_since(since)};
}

domain::result<performance_report> analytics_service::restaurant_performance(std::optional<domain::id_t> restaurant_id,
                                                                             std::int64_t limit) {
  auto tx = db_.read();
  auto rows = tx->analytics().performance(restaurant_id, limit);
  if (restaurant_id && rows.empty()) return domain::not_found("Restaurant not found");
  return performance_report{std::move(rows), tx->analytics().restaurant_count()};
}

popular_items_report analytics_service::popular_items(const period& window, std::int64_t limit,
                                                      std::chrono::system_clock::time_point now) {
  const auto since = domain::format_timestamp(now - window.length);
  return {window, since, db_.read()->analytics().popular_items(since, limit)};
}

}  // namespace zomato::services
