#include "net/access_log.hpp"

#include <algorithm>
#include <charconv>

#include "domain/clock.hpp"
#include "domain/rounding.hpp"
#include "domain/text.hpp"
#include "http/json_writer.hpp"

namespace zomato::net {
namespace {

constexpr std::size_t longest_request_id = 128;

char* write_hex(char* at, std::uint64_t value) { return std::to_chars(at, at + 16, value, 16).ptr; }

// "2026-12-06T18:55:00.123Z": the contract's timestamp with milliseconds and its zone.
std::string rfc3339_time(std::chrono::system_clock::time_point at) {
  const auto millis = std::chrono::floor<std::chrono::milliseconds>(at).time_since_epoch().count() % 1000;
  auto text = domain::format_timestamp(at);
  text += '.';
  text += static_cast<char>('0' + millis / 100);
  text += static_cast<char>('0' + millis / 10 % 10);
  text += static_cast<char>('0' + millis % 10);
  text += 'Z';
  return text;
}

}  // namespace

void append_access_line(std::string& out, access_log_format format, const access_record& record) {
  if (format == access_log_format::off) return;
  if (format == access_log_format::text) {
    char elapsed[32];
    const auto written = std::to_chars(elapsed, elapsed + sizeof elapsed, domain::two_decimals(record.elapsed_ms),
                                       std::chars_format::fixed, 2);
    out.append(record.method).append(" ").append(record.target).append(" ");
    domain::append_integer(out, record.status);
    out.append(" ").append(elapsed, written.ptr).append("ms");
    if (!record.request_id.empty()) out.append(" ").append(record.request_id);
    out += '\n';
    return;
  }
  http::json_writer line;
  line.begin_object()
      .field("time", rfc3339_time(record.at))
      .field("request_id", record.request_id)
      .field("method", record.method)
      .field("target", record.target)
      .field("status", record.status)
      .field("duration_ms", domain::two_decimals(record.elapsed_ms))
      .field("bytes", static_cast<std::int64_t>(record.body_bytes))
      .key("cache");
  if (record.cache_status.empty()) {
    line.null();
  } else {
    line.value(record.cache_status);
  }
  line.end_object();
  out += line.text();
  out += '\n';
}

bool acceptable_request_id(std::string_view id) {
  constexpr std::string_view marks = "-_.:/+=@";
  return !id.empty() && id.size() <= longest_request_id && std::all_of(id.begin(), id.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           marks.find(c) != std::string_view::npos;
  });
}

request_id_source::request_id_source(std::uint32_t process_tag, unsigned loop) {
  char* at = write_hex(text_.data(), process_tag);
  *at++ = '-';
  at = write_hex(at, loop);
  *at++ = '-';
  prefix_size_ = static_cast<std::size_t>(at - text_.data());
}

std::string_view request_id_source::next() {
  char* end = write_hex(text_.data() + prefix_size_, count_++);
  return {text_.data(), static_cast<std::size_t>(end - text_.data())};
}

}  // namespace zomato::net
