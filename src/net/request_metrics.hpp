#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "http/message.hpp"

namespace zomato::net {

/// The upper bounds of the request duration buckets: 50 us to 10 s, in nanoseconds.
inline constexpr std::array<std::int64_t, 17> duration_bounds_ns{
    50'000,      100'000,       250'000,       500'000,       1'000'000,     2'500'000,
    5'000'000,   10'000'000,    25'000'000,    50'000'000,    100'000'000,   250'000'000,
    500'000'000, 1'000'000'000, 2'500'000'000, 5'000'000'000, 10'000'000'000};
/// One bucket per bound and one for the durations past the last.
inline constexpr std::size_t duration_buckets = duration_bounds_ns.size() + 1;

/// A count that one thread changes and any thread reads: a relaxed load and store, without the
/// locked instruction an atomic increment costs.
class owned_count {
 public:
  /// Changes the count; only its owner thread may call these.
  void add(std::uint64_t amount) {
    value_.store(value_.load(std::memory_order_relaxed) + amount, std::memory_order_relaxed);
  }
  void remove(std::uint64_t amount) {
    value_.store(value_.load(std::memory_order_relaxed) - amount, std::memory_order_relaxed);
  }
  std::uint64_t get() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

/// The requests of one row (a route, or the unmatched requests of one method): their number
/// by status slot (http::status_slot), their durations by bucket (not cumulative) and the sum
/// of those durations.
template <class Count>
struct request_row {
  std::array<Count, http::status_slots> statuses{};
  std::array<Count, duration_buckets> durations{};
  Count duration_ns{};
};

/// What the server counted on every loop, added up when read.
struct request_figures {
  /// One row per route of the application (by its index), then one per method (http::verb)
  /// for the requests that matched no route.
  std::vector<request_row<std::uint64_t>> rows;
  /// Requests refused before they were routed (malformed, too large, too slow), by status slot.
  std::array<std::uint64_t, http::status_slots> refused{};
  /// Connections turned away past the loop's limit.
  std::uint64_t turned_away = 0;
  std::uint64_t connections = 0;
  std::uint64_t in_flight = 0;
};

/// What one event loop counts of its requests and connections. Only the loop's thread changes
/// it; any thread may read it (add_to) at any time. Counting a request costs a table lookup, a
/// short scan of the duration bounds and three relaxed additions, without a lock or allocation.
class loop_counters {
 public:
  /// Counters for `routes` routes and the unmatched requests of each method.
  explicit loop_counters(std::size_t routes);

  /// Counts a request answered by the route of that index, or matching none (nullopt; an
  /// index past the routes counts as none too).
  void count_request(std::optional<std::size_t> route, http::verb method, int status,
                     std::chrono::steady_clock::duration took) {
    auto& row = rows_[route && *route < routes_ ? *route : routes_ + static_cast<std::size_t>(method)];
    row.statuses[http::status_slot(status)].add(1);
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(took).count();
    std::size_t bucket = 0;
    while (bucket < duration_bounds_ns.size() && ns > duration_bounds_ns[bucket]) ++bucket;
    row.durations[bucket].add(1);
    row.duration_ns.add(static_cast<std::uint64_t>(ns));
  }
  /// Counts a request refused before it was routed.
  void count_refusal(int status) { refused_[http::status_slot(status)].add(1); }
  /// Counts a connection turned away past the loop's limit.
  void count_turned_away() { turned_away_.add(1); }
  /// The loop's open connections and its requests in flight, as they come and go.
  void connection_opened() { connections_.add(1); }
  void connection_closed() { connections_.remove(1); }
  std::uint64_t connections() const { return connections_.get(); }
  void request_started() { in_flight_.add(1); }
  void request_ended() { in_flight_.remove(1); }
  std::uint64_t in_flight() const { return in_flight_.get(); }

  /// Adds what the loop has counted so far to `sum` (its rows sized for as many routes).
  void add_to(request_figures& sum) const;

 private:
  std::size_t routes_;
  std::vector<request_row<owned_count>> rows_;
  std::array<owned_count, http::status_slots> refused_;
  owned_count turned_away_;
  owned_count connections_;
  owned_count in_flight_;
};

}  // namespace zomato::net
