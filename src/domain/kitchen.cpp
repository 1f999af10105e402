#include "domain/kitchen.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace zomato::domain {
namespace {

constexpr std::int64_t minutes_per_day = std::int64_t{24} * 60;

// Seconds since midnight of "HH:MM:SS".
std::int64_t second_of_day(const std::string& time_of_day) {
  return std::stoll(time_of_day.substr(0, 2)) * 3600 + std::stoll(time_of_day.substr(3, 2)) * 60 +
         std::stoll(time_of_day.substr(6, 2));
}

bool open_at(std::int64_t second, const std::optional<std::string>& opening,
             const std::optional<std::string>& closing) {
  if (!opening || !closing) return true;
  const auto from = second_of_day(*opening);
  const auto to = second_of_day(*closing);
  if (from == to) return true;
  if (from < to) return second >= from && second < to;
  return second >= from || second < to;
}

std::int64_t second_of(std::chrono::system_clock::time_point at) {
  const auto since_midnight = at - std::chrono::floor<std::chrono::days>(at);
  return std::chrono::duration_cast<std::chrono::seconds>(since_midnight).count();
}

std::string clock_label(std::int64_t minute) {
  char text[8];
  std::snprintf(text, sizeof text, "%02lld:%02lld", static_cast<long long>((minute / 60) % 24),
                static_cast<long long>(minute % 60));
  return text;
}

}  // namespace

double capacity_percent(std::int64_t active_orders) {
  const double percent = 100.0 * static_cast<double>(active_orders) / static_cast<double>(kitchen_capacity);
  return std::round(std::min(percent, 100.0) * 10.0) / 10.0;
}

std::string availability_status(double capacity) {
  if (capacity < 50.0) return "available";
  if (capacity < 80.0) return "busy";
  return "very_busy";
}

std::int64_t wait_minutes(std::int64_t preparation_minutes, std::int64_t active_orders) {
  constexpr std::int64_t stations = 4;
  return preparation_minutes + (active_orders * preparation_minutes + stations - 1) / stations;
}

surge surge_for(std::int64_t active_orders, int hour_of_day) {
  const double load = std::min(1.0, static_cast<double>(active_orders) / static_cast<double>(kitchen_capacity));
  const bool peak = (hour_of_day >= 11 && hour_of_day < 14) || (hour_of_day >= 18 && hour_of_day < 21);
  surge result;
  result.multiplier = std::round((1.0 + load * 0.5 * (peak ? 1.2 : 1.0)) * 100.0) / 100.0;
  result.demand = load < 0.3 ? "low" : load < 0.7 ? "medium" : "high";
  return result;
}

bool is_open(std::chrono::system_clock::time_point now, const std::optional<std::string>& opening,
             const std::optional<std::string>& closing) {
  return open_at(second_of(now), opening, closing);
}

std::vector<delivery_slot> delivery_slots(std::chrono::system_clock::time_point now,
                                          const std::optional<std::string>& opening,
                                          const std::optional<std::string>& closing,
                                          const std::vector<std::int64_t>& due_minutes,
                                          std::int64_t preparation_minutes) {
  std::vector<delivery_slot> slots;
  const auto now_minute = second_of(now) / 60;
  // The first slot starts at the next slot boundary.
  std::int64_t offset = (slot_minutes - now_minute % slot_minutes) % slot_minutes;
  for (; offset < minutes_per_day && static_cast<std::int64_t>(slots.size()) < slots_shown; offset += slot_minutes) {
    const auto start = (now_minute + offset) % minutes_per_day;
    if (!open_at(start * 60, opening, closing)) continue;
    const auto due = std::count_if(due_minutes.begin(), due_minutes.end(), [&](std::int64_t minute) {
      return minute >= offset && minute < offset + slot_minutes;
    });
    slots.push_back({clock_label(start) + "-" + clock_label(start + slot_minutes), due < slot_capacity,
                     preparation_minutes + static_cast<std::int64_t>(due) * 5});
  }
  return slots;
}

}  // namespace zomato::domain
