#pragma once

#include <string_view>
#include <vector>

#include "domain/clock.hpp"
#include "http/params.hpp"
#include "http/problems.hpp"

namespace zomato::schemas {

/// The given parameters followed by `from` (inclusive) and `to` (exclusive), the bounds of a
/// list filtered by time, each a date or a timestamp (UTC); `rows` names what is listed and
/// when ("orders placed"), for the documentation.
std::vector<http::param_spec> with_time_filters(std::vector<http::param_spec> specs, std::string_view rows);

/// The range `from` and `to` ask for. A `to` before `from` adds a problem located at `to` (an
/// equal pair is an empty range, not a problem).
domain::time_range time_range_of(const http::params& values, http::problems& found);

}  // namespace zomato::schemas
