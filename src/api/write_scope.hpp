#pragma once

#include "http/message.hpp"
#include "services/write_context.hpp"

namespace zomato::api {

/// The scope a write request is dispatched with: the write context its use cases commit in.
struct write_scope final : http::request_scope {
  explicit write_scope(services::change_listener& listener) : writes(listener) {}
  services::write_context writes;
};

/// The write context of a request dispatched with a write_scope. Throws std::logic_error
/// for a request dispatched without one (a write route reached by a read).
services::write_context& writes_of(const http::request& req);

}  // namespace zomato::api
