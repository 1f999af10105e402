#include "cache/flights.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <string>
#include <thread>
#include <vector>

namespace zomato::cache {
namespace {

TEST(flights, the_first_to_ask_leads_and_the_others_hear_its_answer) {
  flights table;
  std::vector<std::string> heard;
  const auto listen = [&](const http::response& computed, const char* status) {
    heard.push_back(computed.body + " " + status);
  };
  EXPECT_TRUE(table.lead_or_wait("k", listen));
  EXPECT_FALSE(table.lead_or_wait("k", listen));
  EXPECT_FALSE(table.lead_or_wait("k", listen));
  EXPECT_TRUE(table.lead_or_wait("other", listen)) << "each key has its own flight";
  EXPECT_EQ(table.in_progress(), 2u);

  table.land("k", http::response{200, "body"}, "COALESCED");
  EXPECT_EQ(heard, (std::vector<std::string>{"body COALESCED", "body COALESCED"}));
  EXPECT_EQ(table.in_progress(), 1u);
  EXPECT_TRUE(table.lead_or_wait("k", listen)) << "a landed flight can start again";
}

TEST(flights, an_empty_waiter_only_asks_and_landing_no_flight_does_nothing) {
  flights table;
  EXPECT_TRUE(table.lead_or_wait("k", {}));
  EXPECT_FALSE(table.lead_or_wait("k", {}));
  table.land("k", http::response{}, "COALESCED");
  table.land("k", http::response{}, "COALESCED");
  EXPECT_EQ(table.in_progress(), 0u);
}

TEST(flights, among_many_threads_asking_at_once_one_leads_and_every_other_is_told) {
  constexpr int count = 16;
  flights table;
  std::atomic<int> leaders{0};
  std::atomic<int> told{0};
  std::latch asked(count);
  std::vector<std::thread> threads;
  for (int i = 0; i < count; ++i) {
    threads.emplace_back([&] {
      const bool leads = table.lead_or_wait("k", [&](const http::response&, const char*) { ++told; });
      asked.count_down();
      if (leads) {
        ++leaders;
        asked.wait();
        table.land("k", http::response{}, "COALESCED");
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(leaders.load(), 1);
  EXPECT_EQ(told.load(), count - 1);
}

}  // namespace
}  // namespace zomato::cache
