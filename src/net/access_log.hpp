#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace zomato::net {

/// How the server writes one line per answered request on standard output.
enum class access_log_format { off, text, json };

/// One answered request, as the access log tells it.
struct access_record {
  std::chrono::system_clock::time_point at;  // when the answer went out
  std::string_view request_id;
  std::string_view method;
  std::string_view target;
  int status = 0;
  double elapsed_ms = 0;
  std::size_t body_bytes = 0;
  std::string_view cache_status;  // X-Cache-Status; empty for a route without a cache
};

/// Appends the record to `out` as one line ending in a newline. text: "GET /path 200 0.12ms
/// <request id>"; json: one object with time (RFC 3339, UTC, milliseconds), request_id,
/// method, target, status, duration_ms, bytes and cache (null without a cache), escaped as
/// JSON needs. Nothing is appended for `off`.
void append_access_line(std::string& out, access_log_format format, const access_record& record);

/// Whether a client's X-Request-Id is kept (sent back and logged): 1 to 128 letters, digits
/// and "-_.:/+=@", so that it can be written anywhere without escaping.
bool acceptable_request_id(std::string_view id);

/// The ids of one event loop's requests that came without an acceptable one:
/// "<process tag>-<loop>-<count>" in hexadecimal. The tag is random per process, so ids do
/// not repeat across restarts or nodes; making one allocates nothing.
class request_id_source {
 public:
  request_id_source(std::uint32_t process_tag, unsigned loop);

  /// The next id; the view is valid until the next call.
  std::string_view next();

 private:
  std::array<char, 48> text_{};
  std::size_t prefix_size_ = 0;
  std::uint64_t count_ = 0;
};

}  // namespace zomato::net
