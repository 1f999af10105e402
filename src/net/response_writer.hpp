#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace zomato::net {

/// The Date field's value (RFC 9110 5.6.7), formatted once per second.
class date_field {
 public:
  /// "Wed, 02 Dec 2026 04:20:02 GMT" for the given time.
  std::string_view at(std::chrono::system_clock::time_point now);

 private:
  std::int64_t second_ = -1;
  std::string text_;
};

/// How an answer goes out on its connection.
struct framing {
  bool keep_alive = true;
  /// HTTP/1.0 clients keep the connection only when told so.
  bool announce_keep_alive = false;
  /// A HEAD request: the header of the GET answer, no body.
  bool head_only = false;
  double elapsed_ms = 0;
  std::string_view date;
  /// Sent as X-Request-Id when not empty.
  std::string_view request_id;
};

/// Writes the status line and header fields of `res` into `out` (replacing what it held):
/// Content-Type and Content-Length where a body is allowed (the length the body has, also
/// for HEAD), X-Process-Time, X-Request-Id, the response's own fields and Connection when it
/// closes.
void write_head(std::string& out, const http::response& res, const framing& how);

/// The bytes to send after the head: none for HEAD, 1xx, 204 and 304.
std::string_view body_to_send(const http::response& res, bool head_only);

/// A complete answer with a {"detail": ...} body that closes the connection, for requests
/// refused before they reach the application; `retry_after_seconds` > 0 adds Retry-After.
std::string refusal(int status, std::string_view detail, std::string_view date, int retry_after_seconds = 0);

/// "HTTP/1.1 100 Continue" with its blank line.
inline constexpr std::string_view continue_line = "HTTP/1.1 100 Continue\r\n\r\n";

}  // namespace zomato::net
