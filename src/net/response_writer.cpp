#include "net/response_writer.hpp"

#include <cmath>

#include <array>

#include "domain/text.hpp"

namespace zomato::net {
namespace {

void append_two_digits(std::string& out, unsigned value) {
  out += static_cast<char>('0' + value / 10 % 10);
  out += static_cast<char>('0' + value % 10);
}

// "12.34": milliseconds with two decimals, rounded half up.
void append_milliseconds(std::string& out, double elapsed_ms) {
  const auto hundredths = static_cast<std::size_t>(std::llround(elapsed_ms * 100.0));
  domain::append_integer(out, hundredths / 100);
  out += '.';
  append_two_digits(out, static_cast<unsigned>(hundredths % 100));
}

bool allows_body(int status) { return status >= 200 && status != 204 && status != 304; }

}  // namespace

std::string_view date_field::at(std::chrono::system_clock::time_point now) {
  using namespace std::chrono;
  const auto second = duration_cast<seconds>(now.time_since_epoch()).count();
  if (second == second_) return text_;
  second_ = second;
  static constexpr std::array<const char*, 7> weekday_names{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> month_names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto day = floor<days>(sys_seconds(seconds(second)));
  const year_month_day date(day);
  const hh_mm_ss time(sys_seconds(seconds(second)) - day);
  text_.clear();
  text_ += weekday_names[weekday(day).c_encoding()];
  text_ += ", ";
  append_two_digits(text_, static_cast<unsigned>(date.day()));
  text_ += ' ';
  text_ += month_names[static_cast<unsigned>(date.month()) - 1];
  text_ += ' ';
  domain::append_integer(text_, static_cast<int>(date.year()));
  text_ += ' ';
  append_two_digits(text_, static_cast<unsigned>(time.hours().count()));
  text_ += ':';
  append_two_digits(text_, static_cast<unsigned>(time.minutes().count()));
  text_ += ':';
  append_two_digits(text_, static_cast<unsigned>(time.seconds().count()));
  text_ += " GMT";
  return text_;
}

void write_head(std::string& out, const http::response& res, const framing& how) {
  out.clear();
  out += "HTTP/1.1 ";
  domain::append_integer(out, res.status);
  out += ' ';
  out += http::reason(res.status);
  out += "\r\n";
  if (allows_body(res.status)) {
    out += "content-type: ";
    out += res.content_type;
    out += "\r\ncontent-length: ";
    domain::append_integer(out, res.payload().size());
    out += "\r\n";
  }
  if (!how.date.empty()) {
    out += "date: ";
    out += how.date;
    out += "\r\n";
  }
  out += "x-process-time: ";
  append_milliseconds(out, how.elapsed_ms);
  out += "ms\r\n";
  for (const auto& [name, value] : res.headers) {
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  if (!how.keep_alive) {
    out += "connection: close\r\n";
  } else if (how.announce_keep_alive) {
    out += "connection: keep-alive\r\n";
  }
  out += "\r\n";
}

std::string_view body_to_send(const http::response& res, bool head_only) {
  return head_only || !allows_body(res.status) ? std::string_view{} : res.payload();
}

std::string refusal(int status, std::string_view detail, std::string_view date, int retry_after_seconds) {
  http::response res;
  res.status = status;
  res.body = "{\"detail\":\"";
  res.body += detail;
  res.body += "\"}";
  if (retry_after_seconds > 0) res.headers.emplace_back("retry-after", std::to_string(retry_after_seconds));
  std::string out;
  write_head(out, res, {.keep_alive = false, .date = date});
  out += res.body;
  return out;
}

}  // namespace zomato::net
