#include "api/unavailable.hpp"

#include <string>

#include "http/responses.hpp"

namespace zomato::api {

std::string_view unavailable_text(store::unavailable_reason reason) {
  switch (reason) {
    case store::unavailable_reason::busy: return "the database is busy";
    case store::unavailable_reason::full: return "the database is out of space";
    case store::unavailable_reason::read_only: return "the database is read-only";
    case store::unavailable_reason::io: return "the database cannot reach its storage";
  }
  return "the database is unavailable";
}

int retry_after_seconds(store::unavailable_reason reason) { return reason == store::unavailable_reason::busy ? 1 : 5; }

http::response unavailable_response(store::unavailable_reason reason) {
  auto res = http::detail(
      503, std::string("Service unavailable: ") + std::string(unavailable_text(reason)) + "; try again later");
  res.headers.emplace_back("retry-after", std::to_string(retry_after_seconds(reason)));
  return res;
}

}  // namespace zomato::api
