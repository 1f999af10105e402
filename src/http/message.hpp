#pragma once

#include <array>
#include <atomic>
#include <boost/smart_ptr/intrusive_ptr.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zomato::http {

enum class verb { get, post, put, delete_, patch, head, options, other };
inline constexpr std::size_t verb_count = 8;

/// What the application attaches to a request it dispatches, for its handlers (a write's
/// context); the application owns it for as long as the request is handled.
class request_scope {
 protected:
  request_scope() = default;
  ~request_scope() = default;
};

/// What a handler sees of a request. Views point into the connection's buffers and live
/// as long as the request is being handled.
struct request {
  verb method = verb::get;
  std::string_view path;
  std::string_view query;
  std::string_view body;
  std::string_view content_type;
  std::string_view cache_control;
  std::string_view if_none_match;
  std::string_view idempotency_key;
  std::string_view authorization;
  /// The browser origin (`Origin`) and, on a CORS preflight, `Access-Control-Request-Method`.
  std::string_view origin;
  std::string_view cors_request_method;
  /// The client's IP address as text ("127.0.0.1"), kept by its connection; empty for a request
  /// made inside the server.
  std::string_view peer;
  request_scope* scope = nullptr;
  /// Made by the server itself (warming, refreshing, demos): the router lets it through as an
  /// admin. The connections never set it.
  bool internal = false;
};

/// Bytes a response sends without copying them, kept alive by a reference count (a cache
/// entry holds its body this way).
class shared_payload {
 public:
  virtual std::string_view bytes() const = 0;

  friend void intrusive_ptr_add_ref(const shared_payload* held) { held->refs_.fetch_add(1, std::memory_order_relaxed); }
  friend void intrusive_ptr_release(const shared_payload* held) {
    if (held->refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) held->destroy();
  }

 public:
  shared_payload(const shared_payload&) = delete;
  shared_payload& operator=(const shared_payload&) = delete;

 protected:
  shared_payload() = default;
  virtual ~shared_payload() = default;

 private:
  /// Ends the holder's life once the last reference is gone.
  virtual void destroy() const = 0;

  mutable std::atomic<std::uint32_t> refs_{0};
};

struct response {
  int status = 200;
  std::string body;
  /// A body shared with a cache entry, sent as it is instead of `body` (no copy).
  boost::intrusive_ptr<const shared_payload> shared_body;
  std::string_view content_type = "application/json";
  std::vector<std::pair<std::string_view, std::string>> headers;
  /// False when a cacheable route's answer must not be stored (conditional caching).
  bool cacheable = true;

  /// The bytes of the body, wherever they are held.
  std::string_view payload() const { return shared_body ? shared_body->bytes() : std::string_view(body); }
};

/// "GET", "POST", ... as written in a request line.
std::string_view verb_name(verb method);

/// A status the server sends and its reason phrase.
struct known_status {
  int code;
  std::string_view reason;
};

/// Every status the server sends, each with its slot (its place here) in per-status counts.
inline constexpr std::array<known_status, 23> known_statuses{{{200, "OK"},
                                                              {201, "Created"},
                                                              {202, "Accepted"},
                                                              {204, "No Content"},
                                                              {304, "Not Modified"},
                                                              {400, "Bad Request"},
                                                              {401, "Unauthorized"},
                                                              {403, "Forbidden"},
                                                              {404, "Not Found"},
                                                              {405, "Method Not Allowed"},
                                                              {408, "Request Timeout"},
                                                              {409, "Conflict"},
                                                              {413, "Payload Too Large"},
                                                              {414, "URI Too Long"},
                                                              {415, "Unsupported Media Type"},
                                                              {417, "Expectation Failed"},
                                                              {422, "Unprocessable Entity"},
                                                              {429, "Too Many Requests"},
                                                              {431, "Request Header Fields Too Large"},
                                                              {500, "Internal Server Error"},
                                                              {501, "Not Implemented"},
                                                              {503, "Service Unavailable"},
                                                              {505, "HTTP Version Not Supported"}}};

/// Per-status counts have one slot per known status and a last one for any other.
inline constexpr std::size_t status_slots = known_statuses.size() + 1;

/// Statuses are below this.
inline constexpr int status_limit = 600;
/// status_slot()'s table.
inline constexpr auto slot_of_status = [] {
  std::array<std::uint8_t, status_limit> slots{};
  slots.fill(static_cast<std::uint8_t>(known_statuses.size()));
  for (std::size_t i = 0; i < known_statuses.size(); ++i) {
    slots[static_cast<std::size_t>(known_statuses[i].code)] = static_cast<std::uint8_t>(i);
  }
  return slots;
}();

/// The status's slot in per-status counts: its place in known_statuses, or the last slot.
inline std::size_t status_slot(int status) {
  return status >= 0 && status < status_limit ? slot_of_status[static_cast<std::size_t>(status)]
                                              : known_statuses.size();
}

/// The reason phrase of a status code ("Not Found"; "Unknown" for one the server does not send).
std::string_view reason(int status);

}  // namespace zomato::http
