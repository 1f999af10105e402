#include "domain/clock.hpp"

namespace zomato::domain {
namespace {

bool digits_at(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  out = value;
  return true;
}

std::optional<std::chrono::year_month_day> date_at(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !digits_at(text, 0, 4, year) ||
      !digits_at(text, 5, 2, month) || !digits_at(text, 8, 2, day)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

// Writes the value's last `width` decimal digits, zero-padded.
char* put_digits(char* at, long value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) at[i] = static_cast<char>('0' + value % 10);
  return at + width;
}

std::string two(int value) {
  char text[2];
  put_digits(text, value, 2);
  return {text, 2};
}

}  // namespace

std::string format_timestamp(std::chrono::system_clock::time_point at) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(at);
  const auto days = std::chrono::floor<std::chrono::days>(seconds);
  const std::chrono::year_month_day date{days};
  const std::chrono::hh_mm_ss time{seconds - days};
  char text[19];
  char* next = put_digits(text, static_cast<int>(date.year()), 4);
  *next++ = '-';
  next = put_digits(next, static_cast<unsigned>(date.month()), 2);
  *next++ = '-';
  next = put_digits(next, static_cast<unsigned>(date.day()), 2);
  *next++ = 'T';
  next = put_digits(next, time.hours().count(), 2);
  *next++ = ':';
  next = put_digits(next, time.minutes().count(), 2);
  *next++ = ':';
  put_digits(next, time.seconds().count(), 2);
  return {text, sizeof text};
}

std::optional<std::chrono::system_clock::time_point> time_point_of(std::string_view timestamp) {
  const auto normal = parse_timestamp(timestamp);
  if (!normal) return std::nullopt;
  const auto date = date_at(*normal);
  // The clock counts nanoseconds in 64 bits: about 1678-2261, with a year to spare for the
  // durations callers add.
  if (int(date->year()) < 1678 || int(date->year()) > 2261) return std::nullopt;
  int hour = 0, minute = 0, second = 0;
  digits_at(*normal, 11, 2, hour);
  digits_at(*normal, 14, 2, minute);
  digits_at(*normal, 17, 2, second);
  return std::chrono::sys_days{*date} + std::chrono::hours(hour) + std::chrono::minutes(minute) +
         std::chrono::seconds(second);
}

std::string now_timestamp() { return format_timestamp(std::chrono::system_clock::now()); }

std::optional<std::string> parse_time_of_day(std::string_view text) {
  int hour = 0, minute = 0, second = 0;
  if (text.size() != 5 && text.size() != 8) return std::nullopt;
  if (!digits_at(text, 0, 2, hour) || text[2] != ':' || !digits_at(text, 3, 2, minute)) return std::nullopt;
  if (text.size() == 8 && (text[5] != ':' || !digits_at(text, 6, 2, second))) return std::nullopt;
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  return two(hour) + ":" + two(minute) + ":" + two(second);
}

std::optional<std::string> parse_date(std::string_view text) {
  if (text.size() != 10 || !date_at(text)) return std::nullopt;
  return std::string(text);
}

std::optional<std::string> parse_timestamp(std::string_view text) {
  if (text.size() < 16 || !date_at(text) || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
  auto time = text.substr(11);
  std::size_t zone_at = time.find_first_of("Z+");
  std::string_view zone = zone_at == std::string_view::npos ? std::string_view{} : time.substr(zone_at);
  time = time.substr(0, zone_at);
  if (!zone.empty() && zone != "Z" && zone != "+00:00") return std::nullopt;
  if (const auto dot = time.find('.'); dot != std::string_view::npos) {
    if (dot != 8) return std::nullopt;
    const auto fraction = time.substr(dot + 1);
    if (fraction.empty() || fraction.size() > 6) return std::nullopt;
    for (char c : fraction) {
      if (c < '0' || c > '9') return std::nullopt;
    }
    time = time.substr(0, dot);
  }
  const auto clock_time = parse_time_of_day(time);
  if (!clock_time) return std::nullopt;
  return std::string(text.substr(0, 10)) + "T" + *clock_time;
}

std::optional<std::string> parse_time_bound(std::string_view text) {
  if (auto date = parse_date(text)) return *date + "T00:00:00";
  return parse_timestamp(text);
}

double epoch_seconds_now() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace zomato::domain
