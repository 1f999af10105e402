#pragma once

#include <atomic>
#include <boost/smart_ptr/intrusive_ptr.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zomato::http {

enum class verb { get, post, put, delete_, patch, head, options, other };

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
  request_scope* scope = nullptr;
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

/// The reason phrase of a status code ("Not Found").
std::string_view reason(int status);

}  // namespace zomato::http
