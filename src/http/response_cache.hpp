#pragma once

#include <functional>

#include "http/message.hpp"
#include "http/params.hpp"

namespace zomato::http {

struct route;

/// The seam through which the router lets a cache serve cacheable routes.
class response_cache {
 public:
  virtual ~response_cache() = default;
  /// Answers a GET of a cacheable route: a stored response, or what `produce` returns
  /// (stored when it may be). Sets X-Cache-Status and ETag, honours Cache-Control and
  /// If-None-Match.
  virtual response serve(const request& req, const route& target, const params& values,
                         const std::function<response()>& produce) = 0;
};

}  // namespace zomato::http
