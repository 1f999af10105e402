#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zomato::domain {

/// The figures the real-time views assume of every kitchen.
inline constexpr std::int64_t kitchen_capacity = 10;  // orders it works on at once
inline constexpr std::int64_t slot_minutes = 30;
inline constexpr std::int64_t slot_capacity = 4;  // deliveries it can send per slot
inline constexpr std::int64_t slots_shown = 5;
inline constexpr std::int64_t delivery_minutes = 20;  // from kitchen to door
inline constexpr std::int64_t default_preparation_minutes = 15;
inline constexpr double base_delivery_fee = 2.99;
inline constexpr double service_fee_rate = 0.12;

/// Share of the kitchen in use, in percent (one decimal), capped at 100.
double capacity_percent(std::int64_t active_orders);

/// "available" below 50 %, "busy" below 80 %, else "very_busy".
std::string availability_status(double capacity);

/// Minutes until a new order would be ready: the menu's preparation time plus the queue
/// ahead of it shared over the kitchen's stations.
std::int64_t wait_minutes(std::int64_t preparation_minutes, std::int64_t active_orders);

struct surge {
  double multiplier = 1.0;
  std::string demand;  // low, medium, high
};

/// Surge from demand against capacity, stronger at lunch (11-14) and dinner (18-21) hours:
/// no active orders, no surge.
surge surge_for(std::int64_t active_orders, int hour_of_day);

struct delivery_slot {
  std::string label;  // "12:00-12:30"
  bool available = true;
  std::int64_t estimated_prep_time = 0;
};

/// The next slots (of slot_minutes) starting at or after `now` that lie inside the opening
/// hours ("HH:MM:SS"; absent: always open; closing before opening: open past midnight),
/// each available while fewer than slot_capacity orders are due in it.
/// `due_minutes` are the due times of active orders as minutes since `now`.
std::vector<delivery_slot> delivery_slots(std::chrono::system_clock::time_point now,
                                          const std::optional<std::string>& opening,
                                          const std::optional<std::string>& closing,
                                          const std::vector<std::int64_t>& due_minutes,
                                          std::int64_t preparation_minutes);

/// True when the time of day lies inside the opening hours.
bool is_open(std::chrono::system_clock::time_point now, const std::optional<std::string>& opening,
             const std::optional<std::string>& closing);

}  // namespace zomato::domain
