#include "limits/bucket_kind.hpp"

namespace zomato::limits {

std::string_view name_of(bucket_kind kind) { return kind == bucket_kind::writes ? "writes" : "reads"; }

std::optional<bucket_kind> bucket_of(http::verb method) {
  switch (method) {
    case http::verb::get:
    case http::verb::head: return bucket_kind::reads;
    case http::verb::options: return std::nullopt;
    default: return bucket_kind::writes;
  }
}

}  // namespace zomato::limits
