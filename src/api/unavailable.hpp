#pragma once

#include <string_view>

#include "http/message.hpp"
#include "store/failures.hpp"

namespace zomato::api {

/// The one place where the database being unavailable becomes HTTP: 503 with Retry-After and
/// {"detail": what it means for the client}, no internals.
http::response unavailable_response(store::unavailable_reason reason);

/// What the reason means for a client, in a few words ("the database is busy").
std::string_view unavailable_text(store::unavailable_reason reason);

/// The Retry-After a client gets for the reason, in seconds.
int retry_after_seconds(store::unavailable_reason reason);

}  // namespace zomato::api
