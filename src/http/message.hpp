#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zomato::http {

enum class verb { get, post, put, delete_, patch, head, options, other };

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
  /// The remote cache was asked for this read a moment ago and had nothing: not asked again.
  bool remote_cache_missed = false;
};

struct response {
  int status = 200;
  std::string body;
  /// A body shared with a cache entry, sent as it is instead of `body` (no copy).
  std::shared_ptr<const std::string> shared_body;
  std::string_view content_type = "application/json";
  std::vector<std::pair<std::string_view, std::string>> headers;
  /// False when a cacheable route's answer must not be stored (conditional caching).
  bool cacheable = true;

  /// The bytes of the body, wherever they are held.
  std::string_view payload() const { return shared_body ? std::string_view(*shared_body) : std::string_view(body); }
};

/// "GET", "POST", ... as written in a request line.
std::string_view verb_name(verb method);

/// The reason phrase of a status code ("Not Found").
std::string_view reason(int status);

}  // namespace zomato::http
