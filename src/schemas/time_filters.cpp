#include "schemas/time_filters.hpp"

#include <string>

#include "http/json_writer.hpp"

namespace zomato::schemas {
namespace {

constexpr std::string_view from_name = "from";
constexpr std::string_view to_name = "to";

}  // namespace

std::vector<http::param_spec> with_time_filters(std::vector<http::param_spec> specs, std::string_view rows) {
  const std::string what(rows);
  specs.push_back(http::query_time_bound(
      std::string(from_name), "Only " + what + " at or after this time: a date (its midnight) or a timestamp, UTC"));
  specs.push_back(http::query_time_bound(
      std::string(to_name), "Only " + what + " before this time: a date (its midnight) or a timestamp, UTC"));
  return specs;
}

domain::time_range time_range_of(const http::params& values, http::problems& found) {
  domain::time_range range{values.text(from_name), values.text(to_name)};
  if (range.from && range.to && *range.to < *range.from) {
    http::problem p;
    p.type = "value_error";
    p.loc = {std::string("query"), std::string(to_name)};
    p.msg = "Value error, to must not be before from (" + *range.from + ")";
    p.input_json = http::quoted(*range.to);
    p.ctx_json = "{\"error\":{}}";
    found.push_back(std::move(p));
  }
  return range;
}

}  // namespace zomato::schemas
