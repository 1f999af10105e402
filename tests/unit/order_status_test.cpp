#include <gtest/gtest.h>

#include "domain/order_status.hpp"

namespace zomato::domain {
namespace {

TEST(OrderStatus, AllowsExactlyTheWorkflow) {
  using s = order_status;
  const std::vector<std::pair<s, s>> allowed{{s::placed, s::confirmed},           {s::confirmed, s::preparing},
                                             {s::preparing, s::out_for_delivery}, {s::out_for_delivery, s::delivered},
                                             {s::placed, s::cancelled},           {s::confirmed, s::cancelled},
                                             {s::preparing, s::cancelled}};
  int permitted = 0;
  for (auto from : all_order_statuses) {
    for (auto to : all_order_statuses) {
      const bool expected = std::find(allowed.begin(), allowed.end(), std::pair{from, to}) != allowed.end();
      EXPECT_EQ(can_transition(from, to), expected) << name_of(from) << " -> " << name_of(to);
      permitted += can_transition(from, to);
    }
  }
  EXPECT_EQ(permitted, 7);
}

TEST(OrderStatus, FinalStatesAreDeliveredAndCancelled) {
  for (auto status : all_order_statuses) {
    EXPECT_EQ(is_final(status), status == order_status::delivered || status == order_status::cancelled);
  }
}

TEST(OrderStatus, NamesRoundTrip) {
  for (auto status : all_order_statuses) EXPECT_EQ(order_status_named(name_of(status)), status);
  EXPECT_FALSE(order_status_named("DELIVERED"));
  EXPECT_FALSE(order_status_named(""));
}

TEST(OrderStatus, RefusalNamesBothStates) {
  EXPECT_EQ(transition_refusal(order_status::placed, order_status::delivered),
            "Cannot transition from placed to delivered");
}

}  // namespace
}  // namespace zomato::domain
