#pragma once

#include "http/message.hpp"
#include "services/write_context.hpp"

namespace zomato::api {

/// The scope a write request is dispatched with: the write context its use cases commit in, on
/// behalf of the request's caller.
struct write_scope final : http::request_scope {
  /// A write context telling `listener` of the changes made on behalf of `caller`. Never fails.
  write_scope(services::change_listener& listener, const domain::principal& caller) : writes(listener, caller) {}
  services::write_context writes;
};

/// The write context of a request dispatched with a write_scope. Throws std::logic_error
/// for a request dispatched without one (a write route reached by a read).
services::write_context& writes_of(const http::request& req);

}  // namespace zomato::api
