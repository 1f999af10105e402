#include <gtest/gtest.h>

#include <chrono>
#include <regex>

#include "domain/clock.hpp"

namespace zomato::domain {
namespace {

using namespace std::chrono;

TEST(ParseTimeOfDay, AddsSecondsToHoursAndMinutes) {
  EXPECT_EQ(parse_time_of_day("10:00"), "10:00:00");
  EXPECT_EQ(parse_time_of_day("00:00"), "00:00:00");
  EXPECT_EQ(parse_time_of_day("23:59"), "23:59:00");
}

TEST(ParseTimeOfDay, KeepsFullTimes) {
  EXPECT_EQ(parse_time_of_day("22:30:15"), "22:30:15");
  EXPECT_EQ(parse_time_of_day("23:59:59"), "23:59:59");
  EXPECT_EQ(parse_time_of_day("00:00:00"), "00:00:00");
}

TEST(ParseTimeOfDay, RefusesValuesOutOfRange) {
  EXPECT_FALSE(parse_time_of_day("24:00"));
  EXPECT_FALSE(parse_time_of_day("24:00:00"));
  EXPECT_FALSE(parse_time_of_day("10:60"));
  EXPECT_FALSE(parse_time_of_day("10:00:60"));
  EXPECT_FALSE(parse_time_of_day("99:99"));
}

TEST(ParseTimeOfDay, RefusesOtherShapes) {
  EXPECT_FALSE(parse_time_of_day(""));
  EXPECT_FALSE(parse_time_of_day("9:00"));
  EXPECT_FALSE(parse_time_of_day("09:0"));
  EXPECT_FALSE(parse_time_of_day("10:00:0"));
  EXPECT_FALSE(parse_time_of_day("10-00"));
  EXPECT_FALSE(parse_time_of_day("10:00-00"));
  EXPECT_FALSE(parse_time_of_day(" 10:00"));
  EXPECT_FALSE(parse_time_of_day("10:00 "));
  EXPECT_FALSE(parse_time_of_day("1a:00"));
  EXPECT_FALSE(parse_time_of_day("+1:00"));
  EXPECT_FALSE(parse_time_of_day("10:00:00.5"));
  EXPECT_FALSE(parse_time_of_day("10:00 AM"));
}

TEST(ParseDate, AcceptsCalendarDates) {
  EXPECT_EQ(parse_date("2024-01-01"), "2024-01-01");
  EXPECT_EQ(parse_date("2024-12-31"), "2024-12-31");
  EXPECT_EQ(parse_date("2024-02-29"), "2024-02-29");
  EXPECT_EQ(parse_date("2000-02-29"), "2000-02-29");
}

TEST(ParseDate, RefusesDaysTheCalendarLacks) {
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("1900-02-29"));
  EXPECT_FALSE(parse_date("2024-04-31"));
  EXPECT_FALSE(parse_date("2024-13-01"));
  EXPECT_FALSE(parse_date("2024-00-10"));
  EXPECT_FALSE(parse_date("2024-01-00"));
  EXPECT_FALSE(parse_date("2024-01-32"));
}

TEST(ParseDate, RefusesOtherShapes) {
  EXPECT_FALSE(parse_date(""));
  EXPECT_FALSE(parse_date("2024-1-01"));
  EXPECT_FALSE(parse_date("2024/01/01"));
  EXPECT_FALSE(parse_date("20240101"));
  EXPECT_FALSE(parse_date("2024-01-01T00:00:00"));
  EXPECT_FALSE(parse_date("2024-01-01 "));
  EXPECT_FALSE(parse_date("yyyy-mm-dd"));
  EXPECT_FALSE(parse_date("01-01-2024"));
}

TEST(ParseTimeBound, ReadsADateAsItsMidnight) {
  EXPECT_EQ(parse_time_bound("2026-11-01"), "2026-11-01T00:00:00");
  EXPECT_EQ(parse_time_bound("2024-02-29"), "2024-02-29T00:00:00");
}

TEST(ParseTimeBound, ReadsTimestampsInTheContractsForms) {
  EXPECT_EQ(parse_time_bound("2026-11-01T10:30:05"), "2026-11-01T10:30:05");
  EXPECT_EQ(parse_time_bound("2026-11-01T10:30"), "2026-11-01T10:30:00");
  EXPECT_EQ(parse_time_bound("2026-11-01 10:30:05"), "2026-11-01T10:30:05");
  EXPECT_EQ(parse_time_bound("2026-11-01T10:30:05Z"), "2026-11-01T10:30:05");
  EXPECT_EQ(parse_time_bound("2026-11-01T10:30:05+00:00"), "2026-11-01T10:30:05");
  EXPECT_EQ(parse_time_bound("2026-11-01T10:30:05.999"), "2026-11-01T10:30:05");
}

TEST(ParseTimeBound, GivesTheStoredFormSoThatTextOrderIsTimeOrder) {
  const auto stored = format_timestamp(sys_days{2026y / November / 1} + hours(9));
  EXPECT_LT(*parse_time_bound("2026-11-01"), stored);
  EXPECT_EQ(*parse_time_bound("2026-11-01T09:00Z"), stored);
  EXPECT_GT(*parse_time_bound("2026-11-01T09:00:01"), stored);
}

TEST(ParseTimeBound, RefusesWhatIsNeitherADateNorATimestamp) {
  for (const char* bad :
       {"", "2026-11", "2026-13-01", "2026-02-30", "2026-11-01T", "2026-11-01T25:00", "2026-11-01T10:00:00+05:30",
        "2026-11-01T10:00:00 00:00", "20261101", "yesterday", "2026-11-01x", " 2026-11-01", "1764547200"}) {
    EXPECT_FALSE(parse_time_bound(bad)) << bad;
  }
}

TEST(ParseTimestamp, NormalisesToSecondsWithoutZone) {
  EXPECT_EQ(parse_timestamp("2024-01-15T10:30:00"), "2024-01-15T10:30:00");
  EXPECT_EQ(parse_timestamp("2024-01-15T10:30"), "2024-01-15T10:30:00");
  EXPECT_EQ(parse_timestamp("2024-01-15 10:30:05"), "2024-01-15T10:30:05");
}

TEST(ParseTimestamp, AcceptsUtcZones) {
  EXPECT_EQ(parse_timestamp("2024-01-15T10:30:00Z"), "2024-01-15T10:30:00");
  EXPECT_EQ(parse_timestamp("2024-01-15T10:30:00+00:00"), "2024-01-15T10:30:00");
  EXPECT_EQ(parse_timestamp("2024-01-15T10:30Z"), "2024-01-15T10:30:00");
}

TEST(ParseTimestamp, DropsFractionsOfASecond) {
  EXPECT_EQ(parse_timestamp("2024-01-15T10:30:00.5"), "2024-01-15T10:30:00");
  EXPECT_EQ(parse_timestamp("2024-01-15T10:30:59.999999"), "2024-01-15T10:30:59");
  EXPECT_EQ(parse_timestamp("2024-01-15T10:30:00.123Z"), "2024-01-15T10:30:00");
  EXPECT_EQ(parse_timestamp("2024-01-15T10:30:00.123456+00:00"), "2024-01-15T10:30:00");
}

TEST(ParseTimestamp, RefusesBadFractions) {
  EXPECT_FALSE(parse_timestamp("2024-01-15T10:30:00."));
  EXPECT_FALSE(parse_timestamp("2024-01-15T10:30:00.1234567"));
  EXPECT_FALSE(parse_timestamp("2024-01-15T10:30:00.12a"));
  EXPECT_FALSE(parse_timestamp("2024-01-15T10:30:00.Z"));
}

TEST(ParseTimestamp, TakesFractionsOnlyAfterSeconds) {
  // The grammar is HH:MM[:SS[.fff]]: a fraction needs the seconds before it.
  EXPECT_FALSE(parse_timestamp("2024-01-15T10:30.5"));
  EXPECT_FALSE(parse_timestamp("2024-01-15T10:30.123Z"));
}

TEST(ParseTimestamp, RefusesOtherZones) {
  EXPECT_FALSE(parse_timestamp("2024-01-15T10:30:00+05:30"));
  EXPECT_FALSE(parse_timestamp("2024-01-15T10:30:00-05:00"));
  EXPECT_FALSE(parse_timestamp("2024-01-15T10:30:00+00"));
  EXPECT_FALSE(parse_timestamp("2024-01-15T10:30:00z"));
  EXPECT_FALSE(parse_timestamp("2024-01-15T10:30:00ZZ"));
  EXPECT_FALSE(parse_timestamp("2024-01-15T10:30:00Z junk"));
}

TEST(ParseTimestamp, RefusesBadDatesAndTimes) {
  EXPECT_FALSE(parse_timestamp(""));
  EXPECT_FALSE(parse_timestamp("2024-01-15"));
  EXPECT_FALSE(parse_timestamp("2024-01-15T"));
  EXPECT_FALSE(parse_timestamp("2024-02-30T10:00:00"));
  EXPECT_FALSE(parse_timestamp("2023-02-29T10:00:00"));
  EXPECT_FALSE(parse_timestamp("2024-01-15T24:00:00"));
  EXPECT_FALSE(parse_timestamp("2024-01-15T10:60:00"));
  EXPECT_FALSE(parse_timestamp("2024-01-15T9:30:00"));
  EXPECT_FALSE(parse_timestamp("2024-01-15X10:30:00"));
  EXPECT_FALSE(parse_timestamp("2024-1-15T10:30:00"));
}

TEST(FormatTimestamp, WritesUtcToTheSecond) {
  const sys_days day = 2026y / November / 25;
  EXPECT_EQ(format_timestamp(day + 17h + 11min + 53s), "2026-11-25T17:11:53");
  EXPECT_EQ(format_timestamp(sys_days{2024y / January / 5} + 3h + 4min + 5s), "2024-01-05T03:04:05");
}

TEST(FormatTimestamp, DropsSubSecondsWithoutRounding) {
  const sys_days day = 2026y / November / 25;
  EXPECT_EQ(format_timestamp(day + 23h + 59min + 59s + 999ms), "2026-11-25T23:59:59");
}

TEST(FormatTimestamp, WritesTheEpochAndLeapDays) {
  EXPECT_EQ(format_timestamp(system_clock::time_point{}), "1970-01-01T00:00:00");
  EXPECT_EQ(format_timestamp(sys_days{2024y / February / 29} + 12h), "2024-02-29T12:00:00");
}

TEST(FormatTimestamp, FloorsTimesBeforeTheEpoch) {
  EXPECT_EQ(format_timestamp(sys_days{1970y / January / 1} - 500ms), "1969-12-31T23:59:59");
}

TEST(FormatTimestamp, ReadsBackThroughParseTimestamp) {
  const auto text = format_timestamp(sys_days{2030y / June / 1} + 8h + 9min + 10s);
  EXPECT_EQ(parse_timestamp(text), text);
}

TEST(NowTimestamp, HasTheContractShapeAndIsCurrent) {
  const auto before = format_timestamp(system_clock::now());
  const auto now = now_timestamp();
  const auto after = format_timestamp(system_clock::now());
  EXPECT_TRUE(std::regex_match(now, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})"))) << now;
  EXPECT_LE(before, now);
  EXPECT_LE(now, after);
}

TEST(TimePointOf, ReadsStoredTimestamps) {
  const auto at = time_point_of("2026-11-25T17:11:53");
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(format_timestamp(*at), "2026-11-25T17:11:53");
}

TEST(TimePointOf, RefusesYearsTheClockCannotHold) {
  EXPECT_FALSE(time_point_of("4052-11-01T00:00:00").has_value());
  EXPECT_FALSE(time_point_of("9999-12-31T23:59:59").has_value());
  EXPECT_FALSE(time_point_of("1000-01-01T00:00:00").has_value());
  EXPECT_TRUE(time_point_of("2261-12-31T23:59:59").has_value());
  EXPECT_TRUE(time_point_of("1678-01-01T00:00:00").has_value());
}

}  // namespace
}  // namespace zomato::domain
