// Path and query parameters through the router over arbitrary text: it never crashes, and
// the canonical form of a request's parameters (what cache keys are made of) reads back as
// the same parameters. The input is "<path>\n<query>".
#include <cstdint>
#include <cstdlib>
#include <string>

#include "http/params.hpp"
#include "http/responses.hpp"
#include "http/router.hpp"

namespace {

namespace http = zomato::http;

void check(bool holds) {
  if (!holds) std::abort();
}

http::route route_of(std::string pattern, std::vector<http::param_spec> specs) {
  http::route r;
  r.method = http::verb::get;
  r.pattern = std::move(pattern);
  r.params = std::move(specs);
  r.run = [](const http::request&, const http::params& values) {
    std::string canonical;
    values.append_canonical(canonical);
    return http::json(200, std::move(canonical));
  };
  return r;
}

const http::router& routes() {
  static const http::router table = [] {
    http::router r;
    auto listed = http::pagination();
    listed.push_back(http::query_flag("vegetarian", "A flag"));
    listed.push_back(http::query_text("q", false, "Text", "x"));
    listed.push_back(http::query_choice("period", {"24h", "7d", "30d"}, "A choice"));
    listed.push_back(http::query_integer("min", -5, -100, 100, "Bounded"));
    listed.push_back(http::query_time_bound("from", "A date or timestamp"));
    r.add(route_of("/items/", listed));
    r.add(route_of("/items/{item_id}", {http::path_id("item_id", "Id"), http::query_text("q", true, "Required", "x")}));
    r.add(route_of("/items/category/{category}",
                   {http::path_text("category", "Text", "x"), http::query_flag("x", "Flag")}));
    return r;
  }();
  return table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  http::request req;
  req.path = input.substr(0, newline);
  req.query = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
  const auto first = routes().dispatch(req);
  check(first.status == 200 || first.status == 404 || first.status == 405 || first.status == 422);
  if (first.status != 200) return 0;
  // Read back without the bare names of absent parameters, which stay absent.
  const std::string canonical = first.body;
  std::string given;
  for (std::size_t start = 0; start <= canonical.size();) {
    const auto end = std::min(canonical.find('&', start), canonical.size());
    const auto pair = std::string_view(canonical).substr(start, end - start);
    if (pair.find('=') != std::string_view::npos) given.append(given.empty() ? "" : "&").append(pair);
    start = end + 1;
  }
  req.query = given;
  const auto again = routes().dispatch(req);
  check(again.status == 200);
  check(again.body == canonical);
  return 0;
}
