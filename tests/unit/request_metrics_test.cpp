#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <numeric>

#include "http/message.hpp"
#include "net/request_metrics.hpp"

namespace zomato::net {
namespace {

using namespace std::chrono_literals;

std::uint64_t total(const std::array<std::uint64_t, duration_buckets>& buckets) {
  return std::accumulate(buckets.begin(), buckets.end(), std::uint64_t{0});
}

TEST(StatusSlots, EveryKnownStatusHasItsOwnSlotAndTheRestShareTheLast) {
  EXPECT_EQ(http::status_slot(200), 0u);
  EXPECT_EQ(http::known_statuses[http::status_slot(422)].code, 422);
  EXPECT_EQ(http::known_statuses[http::status_slot(503)].code, 503);
  EXPECT_EQ(http::status_slot(299), http::status_slots - 1);
  EXPECT_EQ(http::status_slot(-1), http::status_slots - 1);
  EXPECT_EQ(http::status_slot(600), http::status_slots - 1);
  EXPECT_EQ(http::reason(404), "Not Found");
  EXPECT_EQ(http::reason(505), "HTTP Version Not Supported") << "the request parser sends it";
  EXPECT_EQ(http::reason(299), "Unknown");
}

TEST(LoopCounters, CountsARequestUnderItsRouteAndStatus) {
  loop_counters loop(3);
  loop.count_request(1, http::verb::get, 200, 30us);
  loop.count_request(1, http::verb::get, 200, 30us);
  loop.count_request(1, http::verb::get, 422, 30us);
  request_figures figures;
  loop.add_to(figures);
  ASSERT_EQ(figures.rows.size(), 3 + http::verb_count);
  EXPECT_EQ(figures.rows[1].statuses[http::status_slot(200)], 2u);
  EXPECT_EQ(figures.rows[1].statuses[http::status_slot(422)], 1u);
  EXPECT_EQ(figures.rows[0].statuses[http::status_slot(200)], 0u);
}

TEST(LoopCounters, CountsUnmatchedRequestsByTheirMethod) {
  loop_counters loop(3);
  loop.count_request(std::nullopt, http::verb::post, 404, 10us);
  loop.count_request(std::nullopt, http::verb::delete_, 405, 10us);
  request_figures figures;
  loop.add_to(figures);
  EXPECT_EQ(figures.rows[3 + static_cast<std::size_t>(http::verb::post)].statuses[http::status_slot(404)], 1u);
  EXPECT_EQ(figures.rows[3 + static_cast<std::size_t>(http::verb::delete_)].statuses[http::status_slot(405)], 1u);
}

TEST(LoopCounters, PutsADurationInTheFirstBucketWhoseBoundHoldsIt) {
  loop_counters loop(1);
  loop.count_request(0, http::verb::get, 200, 50us);  // on the first bound: its bucket
  loop.count_request(0, http::verb::get, 200, 51us);  // just past it: the next
  loop.count_request(0, http::verb::get, 200, 3ms);   // (2.5 ms, 5 ms]
  loop.count_request(0, http::verb::get, 200, 11s);   // past every bound
  request_figures figures;
  loop.add_to(figures);
  const auto& row = figures.rows[0];
  EXPECT_EQ(row.durations[0], 1u);
  EXPECT_EQ(row.durations[1], 1u);
  EXPECT_EQ(duration_bounds_ns[6], 5'000'000);
  EXPECT_EQ(row.durations[6], 1u);
  EXPECT_EQ(row.durations[duration_buckets - 1], 1u);
  EXPECT_EQ(total(row.durations), 4u);
  EXPECT_EQ(row.duration_ns, 50'000u + 51'000u + 3'000'000u + 11'000'000'000u);
}

TEST(LoopCounters, AddsEveryLoopsCountsTogether) {
  loop_counters first(2);
  loop_counters second(2);
  first.count_request(0, http::verb::get, 200, 1ms);
  second.count_request(0, http::verb::get, 200, 2ms);
  first.count_refusal(408);
  second.count_refusal(408);
  second.count_turned_away();
  first.connection_opened();
  second.connection_opened();
  second.connection_opened();
  second.connection_closed();
  first.request_started();
  request_figures figures;
  first.add_to(figures);
  second.add_to(figures);
  EXPECT_EQ(figures.rows[0].statuses[http::status_slot(200)], 2u);
  EXPECT_EQ(figures.rows[0].duration_ns, 3'000'000u);
  EXPECT_EQ(figures.refused[http::status_slot(408)], 2u);
  EXPECT_EQ(figures.turned_away, 1u);
  EXPECT_EQ(figures.connections, 2u);
  EXPECT_EQ(figures.in_flight, 1u);
}

}  // namespace
}  // namespace zomato::net
