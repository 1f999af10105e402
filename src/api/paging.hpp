#pragma once

#include <vector>

#include "http/params.hpp"
#include "store/pages.hpp"

namespace zomato::api {

/// The skip/limit window a request asked for (declared by http::pagination()).
inline store::page window_of(const http::params& values) { return {values.integer("skip"), values.integer("limit")}; }

/// The given parameters followed by skip and limit.
inline std::vector<http::param_spec> with_pagination(std::vector<http::param_spec> specs) {
  for (auto& spec : http::pagination()) specs.push_back(std::move(spec));
  return specs;
}

}  // namespace zomato::api
