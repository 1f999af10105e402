// The kitchen model behind the real-time views: capacity, availability thresholds, waits,
// surge pricing, delivery slots and opening hours, on fixed time points.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/kitchen.hpp"

namespace zomato::domain {
namespace {

using namespace std::chrono;
using hours_text = std::optional<std::string>;

// 2026-11-25 at the given time of day (UTC).
system_clock::time_point at(hours h, minutes m = minutes(0), seconds s = seconds(0)) {
  return sys_days{2026y / 11 / 25} + h + m + s;
}

std::vector<std::string> labels_of(const std::vector<delivery_slot>& slots) {
  std::vector<std::string> labels;
  for (const auto& slot : slots) labels.push_back(slot.label);
  return labels;
}

const hours_text always;  // no opening hours: always open

// ---- capacity and availability ----------------------------------------------------------

TEST(CapacityPercent, IsTenPercentPerActiveOrder) {
  EXPECT_DOUBLE_EQ(capacity_percent(0), 0.0);
  EXPECT_DOUBLE_EQ(capacity_percent(1), 10.0);
  EXPECT_DOUBLE_EQ(capacity_percent(3), 30.0);
  EXPECT_DOUBLE_EQ(capacity_percent(5), 50.0);
  EXPECT_DOUBLE_EQ(capacity_percent(9), 90.0);
}

TEST(CapacityPercent, IsCappedAtOneHundred) {
  EXPECT_DOUBLE_EQ(capacity_percent(kitchen_capacity), 100.0);
  EXPECT_DOUBLE_EQ(capacity_percent(15), 100.0);
  EXPECT_DOUBLE_EQ(capacity_percent(1000), 100.0);
}

TEST(AvailabilityStatus, FollowsTheFiftyAndEightyPercentThresholds) {
  EXPECT_EQ(availability_status(0.0), "available");
  EXPECT_EQ(availability_status(49.9), "available");
  EXPECT_EQ(availability_status(50.0), "busy");
  EXPECT_EQ(availability_status(79.9), "busy");
  EXPECT_EQ(availability_status(80.0), "very_busy");
  EXPECT_EQ(availability_status(100.0), "very_busy");
}

TEST(AvailabilityStatus, AgreesWithCapacityForEveryLoad) {
  EXPECT_EQ(availability_status(capacity_percent(4)), "available");
  EXPECT_EQ(availability_status(capacity_percent(5)), "busy");
  EXPECT_EQ(availability_status(capacity_percent(7)), "busy");
  EXPECT_EQ(availability_status(capacity_percent(8)), "very_busy");
  EXPECT_EQ(availability_status(capacity_percent(20)), "very_busy");
}

TEST(WaitMinutes, IsThePreparationTimeWithAnIdleKitchen) {
  EXPECT_EQ(wait_minutes(15, 0), 15);
  EXPECT_EQ(wait_minutes(1, 0), 1);
}

TEST(WaitMinutes, AddsTheQueueSharedOverFourStationsRoundedUp) {
  EXPECT_EQ(wait_minutes(15, 1), 15 + 4);   // 15 / 4 = 3.75 -> 4
  EXPECT_EQ(wait_minutes(20, 4), 20 + 20);  // 80 / 4
  EXPECT_EQ(wait_minutes(10, 3), 10 + 8);   // 30 / 4 = 7.5 -> 8
  EXPECT_EQ(wait_minutes(12, 2), 12 + 6);
}

TEST(WaitMinutes, GrowsWithTheQueue) {
  std::int64_t previous = wait_minutes(15, 0);
  for (std::int64_t active = 1; active <= 12; ++active) {
    const auto wait = wait_minutes(15, active);
    EXPECT_GE(wait, previous) << active << " active orders";
    previous = wait;
  }
  EXPECT_GT(wait_minutes(15, 12), wait_minutes(15, 0));
}

// ---- surge ------------------------------------------------------------------------------

TEST(SurgeFor, NoActiveOrdersMeansNoSurgeAtAnyHour) {
  for (int hour = 0; hour < 24; ++hour) {
    const auto s = surge_for(0, hour);
    EXPECT_DOUBLE_EQ(s.multiplier, 1.0) << "hour " << hour;
    EXPECT_EQ(s.demand, "low") << "hour " << hour;
  }
}

TEST(SurgeFor, OffPeakHoursAddUpToHalfTheFee) {
  EXPECT_DOUBLE_EQ(surge_for(1, 9).multiplier, 1.05);
  EXPECT_DOUBLE_EQ(surge_for(2, 10).multiplier, 1.1);
  EXPECT_DOUBLE_EQ(surge_for(5, 15).multiplier, 1.25);
  EXPECT_DOUBLE_EQ(surge_for(10, 3).multiplier, 1.5);
  EXPECT_DOUBLE_EQ(surge_for(40, 22).multiplier, 1.5);  // load capped at the kitchen's capacity
}

TEST(SurgeFor, LunchAndDinnerHoursSurgeHarder) {
  EXPECT_DOUBLE_EQ(surge_for(2, 12).multiplier, 1.12);
  EXPECT_DOUBLE_EQ(surge_for(5, 12).multiplier, 1.3);
  EXPECT_DOUBLE_EQ(surge_for(10, 19).multiplier, 1.6);
  EXPECT_DOUBLE_EQ(surge_for(40, 20).multiplier, 1.6);
}

TEST(SurgeFor, PeakHoursAreElevenToFourteenAndEighteenToTwentyOne) {
  const double off_peak = 1.25;
  const double peak = 1.3;
  for (int hour = 0; hour < 24; ++hour) {
    const bool is_peak = (hour >= 11 && hour < 14) || (hour >= 18 && hour < 21);
    EXPECT_DOUBLE_EQ(surge_for(5, hour).multiplier, is_peak ? peak : off_peak) << "hour " << hour;
  }
}

TEST(SurgeFor, DemandLevelFollowsTheLoad) {
  EXPECT_EQ(surge_for(1, 12).demand, "low");
  EXPECT_EQ(surge_for(2, 9).demand, "low");
  EXPECT_EQ(surge_for(3, 9).demand, "medium");
  EXPECT_EQ(surge_for(6, 12).demand, "medium");
  EXPECT_EQ(surge_for(7, 9).demand, "high");
  EXPECT_EQ(surge_for(10, 12).demand, "high");
  EXPECT_EQ(surge_for(25, 3).demand, "high");
}

TEST(SurgeFor, DemandDoesNotDependOnTheHour) {
  for (std::int64_t active = 0; active <= 12; ++active) {
    EXPECT_EQ(surge_for(active, 12).demand, surge_for(active, 4).demand) << active << " active orders";
  }
}

TEST(SurgeFor, MultiplierNeverFallsAsTheLoadGrows) {
  for (int hour : {4, 12}) {
    double previous = surge_for(0, hour).multiplier;
    for (std::int64_t active = 1; active <= 15; ++active) {
      const auto multiplier = surge_for(active, hour).multiplier;
      EXPECT_GE(multiplier, previous) << active << " active orders at " << hour;
      previous = multiplier;
    }
  }
}

// ---- delivery slots ---------------------------------------------------------------------

TEST(DeliverySlots, StartAtTheNextHalfHourWithoutOpeningHours) {
  const auto slots = delivery_slots(at(10h, 17min), always, always, {}, 15);
  EXPECT_EQ(labels_of(slots),
            (std::vector<std::string>{"10:30-11:00", "11:00-11:30", "11:30-12:00", "12:00-12:30", "12:30-13:00"}));
  for (const auto& slot : slots) {
    EXPECT_TRUE(slot.available) << slot.label;
    EXPECT_EQ(slot.estimated_prep_time, 15) << slot.label;
  }
}

TEST(DeliverySlots, ShowsFiveSlots) {
  EXPECT_EQ(static_cast<std::int64_t>(delivery_slots(at(10h, 17min), always, always, {}, 15).size()), slots_shown);
  EXPECT_EQ(slots_shown, 5);
  EXPECT_EQ(delivery_slots(at(3h, 1min), always, always, {}, 15).size(), 5U);
}

TEST(DeliverySlots, OnABoundaryTheFirstSlotStartsNow) {
  const auto slots = delivery_slots(at(10h, 30min), always, always, {}, 15);
  ASSERT_FALSE(slots.empty());
  EXPECT_EQ(slots.front().label, "10:30-11:00");
}

TEST(DeliverySlots, JustAfterABoundaryTheFirstSlotIsTheNextOne) {
  const auto slots = delivery_slots(at(10h, 31min), always, always, {}, 15);
  ASSERT_FALSE(slots.empty());
  EXPECT_EQ(slots.front().label, "11:00-11:30");
  const auto late = delivery_slots(at(10h, 59min, 59s), always, always, {}, 15);
  ASSERT_FALSE(late.empty());
  EXPECT_EQ(late.front().label, "11:00-11:30");
}

TEST(DeliverySlots, WrapPastMidnightWithoutOpeningHours) {
  const auto slots = delivery_slots(at(23h, 10min), always, always, {}, 15);
  EXPECT_EQ(labels_of(slots),
            (std::vector<std::string>{"23:30-00:00", "00:00-00:30", "00:30-01:00", "01:00-01:30", "01:30-02:00"}));
}

TEST(DeliverySlots, SkipSlotsOutsideTheOpeningHours) {
  // Open 10:00-11:00: at 10:17 only 10:30-11:00 is left today, then tomorrow's 10:00-10:30.
  const auto slots = delivery_slots(at(10h, 17min), "10:00:00", "11:00:00", {}, 15);
  EXPECT_EQ(labels_of(slots), (std::vector<std::string>{"10:30-11:00", "10:00-10:30"}));
}

TEST(DeliverySlots, BeforeOpeningStartAtTheOpeningTime) {
  const auto slots = delivery_slots(at(7h, 5min), "10:00:00", "22:00:00", {}, 15);
  EXPECT_EQ(labels_of(slots),
            (std::vector<std::string>{"10:00-10:30", "10:30-11:00", "11:00-11:30", "11:30-12:00", "12:00-12:30"}));
}

TEST(DeliverySlots, NearClosingContinueWithTheNextDay) {
  const auto slots = delivery_slots(at(21h, 5min), "10:00:00", "22:00:00", {}, 15);
  EXPECT_EQ(labels_of(slots),
            (std::vector<std::string>{"21:30-22:00", "10:00-10:30", "10:30-11:00", "11:00-11:30", "11:30-12:00"}));
}

TEST(DeliverySlots, OpenPastMidnight) {
  const auto late = delivery_slots(at(23h, 10min), "22:00:00", "02:00:00", {}, 15);
  EXPECT_EQ(labels_of(late),
            (std::vector<std::string>{"23:30-00:00", "00:00-00:30", "00:30-01:00", "01:00-01:30", "01:30-02:00"}));
  const auto after_closing = delivery_slots(at(1h, 45min), "22:00:00", "02:00:00", {}, 15);
  EXPECT_EQ(labels_of(after_closing),
            (std::vector<std::string>{"22:00-22:30", "22:30-23:00", "23:00-23:30", "23:30-00:00", "00:00-00:30"}));
  const auto evening = delivery_slots(at(20h, 40min), "22:00:00", "02:00:00", {}, 15);
  ASSERT_FALSE(evening.empty());
  EXPECT_EQ(evening.front().label, "22:00-22:30");
}

TEST(DeliverySlots, EqualOpeningAndClosingMeansAlwaysOpen) {
  const auto slots = delivery_slots(at(10h, 17min), "09:00:00", "09:00:00", {}, 15);
  EXPECT_EQ(labels_of(slots), labels_of(delivery_slots(at(10h, 17min), always, always, {}, 15)));
}

TEST(DeliverySlots, OnlyTomorrowsSlotWhenTodaysHoursAreOver) {
  // Open 10:00-10:20: at 10:17 no slot starts inside today's hours; tomorrow's 10:00 does.
  const auto slots = delivery_slots(at(10h, 17min), "10:00:00", "10:20:00", {}, 15);
  EXPECT_EQ(labels_of(slots), (std::vector<std::string>{"10:00-10:30"}));
}

TEST(DeliverySlots, ASlotWithSlotCapacityDueOrdersIsUnavailable) {
  // At 10:17 the first slot (10:30-11:00) covers due minutes [13, 43).
  const std::vector<std::int64_t> due(static_cast<std::size_t>(slot_capacity), 20);
  const auto slots = delivery_slots(at(10h, 17min), always, always, due, 15);
  ASSERT_EQ(slots.size(), 5U);
  EXPECT_FALSE(slots[0].available);
  EXPECT_EQ(slots[0].estimated_prep_time, 15 + 5 * slot_capacity);
  for (std::size_t i = 1; i < slots.size(); ++i) {
    EXPECT_TRUE(slots[i].available) << slots[i].label;
    EXPECT_EQ(slots[i].estimated_prep_time, 15) << slots[i].label;
  }
}

TEST(DeliverySlots, FewerDueOrdersThanCapacityLeaveTheSlotAvailable) {
  const std::vector<std::int64_t> due(static_cast<std::size_t>(slot_capacity - 1), 42);
  const auto slots = delivery_slots(at(10h, 17min), always, always, due, 15);
  ASSERT_EQ(slots.size(), 5U);
  EXPECT_TRUE(slots[0].available);
  EXPECT_EQ(slots[0].estimated_prep_time, 15 + 5 * (slot_capacity - 1));
  EXPECT_EQ(slots[1].estimated_prep_time, 15);
}

TEST(DeliverySlots, PreparationTimeGrowsWithTheOrdersDueInEachSlot) {
  // Slots at 10:17: [13,43) [43,73) [73,103) [103,133) [133,163) minutes from now.
  const std::vector<std::int64_t> due{13, 43, 44, 72, 100, 101, 102, 162};
  const auto slots = delivery_slots(at(10h, 17min), always, always, due, 20);
  ASSERT_EQ(slots.size(), 5U);
  EXPECT_EQ(slots[0].estimated_prep_time, 25);
  EXPECT_EQ(slots[1].estimated_prep_time, 35);
  EXPECT_EQ(slots[2].estimated_prep_time, 35);
  EXPECT_EQ(slots[3].estimated_prep_time, 20);
  EXPECT_EQ(slots[4].estimated_prep_time, 25);
  for (const auto& slot : slots) EXPECT_TRUE(slot.available) << slot.label;
}

TEST(DeliverySlots, OverdueAndFarOrdersCountInNoSlot) {
  const std::vector<std::int64_t> due{-30, -1, 0, 12, 163, 500};
  const auto slots = delivery_slots(at(10h, 17min), always, always, due, 15);
  ASSERT_EQ(slots.size(), 5U);
  for (const auto& slot : slots) {
    EXPECT_TRUE(slot.available) << slot.label;
    EXPECT_EQ(slot.estimated_prep_time, 15) << slot.label;
  }
}

TEST(DeliverySlots, DueOrdersCountInTheSlotAfterSkippedHours) {
  // Open 10:00-11:00 at 10:17: the second slot is tomorrow's 10:00, 1423 minutes away.
  const std::vector<std::int64_t> due{1423, 1430, 1440, 1452};
  const auto slots = delivery_slots(at(10h, 17min), "10:00:00", "11:00:00", due, 15);
  ASSERT_EQ(slots.size(), 2U);
  EXPECT_TRUE(slots[0].available);
  EXPECT_EQ(slots[0].estimated_prep_time, 15);
  EXPECT_EQ(slots[1].label, "10:00-10:30");
  EXPECT_FALSE(slots[1].available);
  EXPECT_EQ(slots[1].estimated_prep_time, 35);
}

// ---- opening hours ----------------------------------------------------------------------

TEST(IsOpen, InsideTheHours) {
  EXPECT_TRUE(is_open(at(10h, 17min), "10:00:00", "22:00:00"));
  EXPECT_TRUE(is_open(at(10h), "10:00:00", "22:00:00"));
  EXPECT_TRUE(is_open(at(21h, 59min), "10:00:00", "22:00:00"));
}

TEST(IsOpen, OutsideTheHours) {
  EXPECT_FALSE(is_open(at(9h, 59min), "10:00:00", "22:00:00"));
  EXPECT_FALSE(is_open(at(22h), "10:00:00", "22:00:00"));
  EXPECT_FALSE(is_open(at(3h), "10:00:00", "22:00:00"));
}

TEST(IsOpen, PastMidnightHours) {
  EXPECT_TRUE(is_open(at(23h), "22:00:00", "02:00:00"));
  EXPECT_TRUE(is_open(at(0h, 30min), "22:00:00", "02:00:00"));
  EXPECT_TRUE(is_open(at(1h, 59min), "22:00:00", "02:00:00"));
  EXPECT_FALSE(is_open(at(2h), "22:00:00", "02:00:00"));
  EXPECT_FALSE(is_open(at(12h), "22:00:00", "02:00:00"));
  EXPECT_FALSE(is_open(at(21h, 59min), "22:00:00", "02:00:00"));
}

TEST(IsOpen, NoHoursMeansAlwaysOpen) {
  for (int hour = 0; hour < 24; ++hour) {
    EXPECT_TRUE(is_open(at(hours(hour), 7min), always, always)) << "hour " << hour;
  }
  EXPECT_TRUE(is_open(at(3h), "10:00:00", always));
  EXPECT_TRUE(is_open(at(3h), always, "22:00:00"));
}

TEST(IsOpen, AllDayHours) {
  EXPECT_TRUE(is_open(at(0h), "00:00:00", "23:59:59"));
  EXPECT_TRUE(is_open(at(12h), "00:00:00", "23:59:59"));
  EXPECT_TRUE(is_open(at(23h, 58min, 59s), "00:00:00", "23:59:59"));
}

TEST(IsOpen, HonoursTheSecondsOfTheHours) {
  // Hours are "HH:MM:SS": a restaurant closing at 23:59:59 is still open at 23:59:30, and
  // one opening at 10:00:30 is not yet open at 10:00:10.
  EXPECT_TRUE(is_open(at(23h, 59min, 30s), "00:00:00", "23:59:59"));
  EXPECT_FALSE(is_open(at(10h, 0min, 10s), "10:00:30", "22:00:00"));
}

}  // namespace
}  // namespace zomato::domain
