#include "api/write_scope.hpp"

#include <stdexcept>

namespace zomato::api {

services::write_context& writes_of(const http::request& req) {
  if (!req.scope) throw std::logic_error("a write route was dispatched without a write scope");
  return static_cast<write_scope*>(req.scope)->writes;
}

}  // namespace zomato::api
