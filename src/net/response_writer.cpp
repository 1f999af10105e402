#include "net/response_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

#include "domain/text.hpp"

namespace zomato::net {
namespace {

void append_two_digits(std::string& out, unsigned value) {
  out += static_cast<char>('0' + value / 10 % 10);
  out += static_cast<char>('0' + value % 10);
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

namespace {

// Writes pieces into room sized for them beforehand, without a check or a call per piece.
class piece_writer {
 public:
  explicit piece_writer(char* at) : at_(at) {}
  piece_writer& operator<<(std::string_view text) {
    std::memcpy(at_, text.data(), text.size());
    at_ += text.size();
    return *this;
  }
  piece_writer& operator<<(std::uint64_t value) {
    at_ = std::to_chars(at_, at_ + max_digits, value).ptr;
    return *this;
  }
  // "12.34": milliseconds with two decimals, rounded half up.
  void milliseconds(double elapsed_ms) {
    const auto hundredths = static_cast<std::uint64_t>(std::llround(elapsed_ms * 100.0));
    *this << hundredths / 100;
    *at_++ = '.';
    *at_++ = static_cast<char>('0' + hundredths / 10 % 10);
    *at_++ = static_cast<char>('0' + hundredths % 10);
  }
  char* at() const { return at_; }

  static constexpr std::size_t max_digits = 20;

 private:
  char* at_;
};

// Room for a head's fixed text and numbers, beside the variable texts counted one by one.
constexpr std::size_t fixed_room = 224;

}  // namespace

void write_head(std::string& out, const http::response& res, const framing& how) {
  const auto reason = http::reason(res.status);
  std::size_t room = fixed_room + reason.size() + res.content_type.size() + how.date.size() + how.request_id.size();
  for (const auto& [name, value] : res.headers) room += name.size() + value.size() + 4;
  out.resize(room);
  piece_writer head(out.data());
  head << "HTTP/1.1 " << static_cast<std::uint64_t>(res.status) << " " << reason << "\r\n";
  if (allows_body(res.status)) {
    head << "content-type: " << res.content_type << "\r\ncontent-length: " << res.payload().size() << "\r\n";
  }
  if (!how.date.empty()) head << "date: " << how.date << "\r\n";
  head << "x-process-time: ";
  head.milliseconds(how.elapsed_ms);
  head << "ms\r\n";
  if (!how.request_id.empty()) head << "x-request-id: " << how.request_id << "\r\n";
  for (const auto& [name, value] : res.headers) head << name << ": " << value << "\r\n";
  if (!how.keep_alive) {
    head << "connection: close\r\n";
  } else if (how.announce_keep_alive) {
    head << "connection: keep-alive\r\n";
  }
  head << "\r\n";
  out.resize(static_cast<std::size_t>(head.at() - out.data()));
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
