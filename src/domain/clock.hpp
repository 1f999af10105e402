#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace zomato::domain {

/// Seconds since the Unix epoch now, with their fraction (the API's "timestamp" fields).
double epoch_seconds_now();

/// The current UTC time as "2026-11-25T17:11:53".
std::string now_timestamp();

/// Formats a UTC time point as "YYYY-MM-DDTHH:MM:SS".
std::string format_timestamp(std::chrono::system_clock::time_point at);

/// The time point of a stored "YYYY-MM-DDTHH:MM:SS" (UTC); nullopt if it is not one or
/// lies outside the years 1678-2261 that the clock can hold.
std::optional<std::chrono::system_clock::time_point> time_point_of(std::string_view timestamp);

/// "HH:MM" or "HH:MM:SS" (00-23, 00-59, 00-59) normalised to "HH:MM:SS"; nullopt if invalid.
std::optional<std::string> parse_time_of_day(std::string_view text);

/// "YYYY-MM-DD" checked against the calendar; nullopt if invalid.
std::optional<std::string> parse_date(std::string_view text);

/// ISO 8601 date-time "YYYY-MM-DDTHH:MM[:SS[.fff]]" with an optional "Z" or "+00:00",
/// normalised to UTC "YYYY-MM-DDTHH:MM:SS"; nullopt if invalid.
std::optional<std::string> parse_timestamp(std::string_view text);

/// A bound of a time filter: a date "YYYY-MM-DD" (its midnight) or a timestamp as
/// parse_timestamp reads it, as UTC "YYYY-MM-DDTHH:MM:SS", the form stored timestamps have, so
/// that comparing the texts compares the times; nullopt if it is neither.
std::optional<std::string> parse_time_bound(std::string_view text);

/// The times [from, to) a list is filtered to, each as parse_time_bound gives it; an absent
/// bound leaves that side open.
struct time_range {
  std::optional<std::string> from;
  std::optional<std::string> to;
};

}  // namespace zomato::domain
