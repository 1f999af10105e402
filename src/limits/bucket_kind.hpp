#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "http/message.hpp"

namespace zomato::limits {

/// The buckets a principal has: one for writes, one for the reads the cache does not answer.
enum class bucket_kind { writes, reads };
inline constexpr std::array all_bucket_kinds{bucket_kind::writes, bucket_kind::reads};

/// "writes" or "reads", as metrics label them and Redis keys name them.
std::string_view name_of(bucket_kind kind);

/// The bucket a request of this method is charged to once it reaches a route: reads for GET and
/// HEAD (only when the cache does not answer them), writes for the other methods, none for OPTIONS.
std::optional<bucket_kind> bucket_of(http::verb method);

}  // namespace zomato::limits
