#include "http/principal.hpp"

namespace zomato::http {

std::string principal_of(const request& req, const domain::principal& caller) {
  std::string key;
  if (caller.restricted()) {
    domain::append_identity(key, caller);
    return key;
  }
  key = "ip:";
  key += req.peer;
  return key;
}

}  // namespace zomato::http
