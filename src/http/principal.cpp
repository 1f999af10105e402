#include "http/principal.hpp"

namespace zomato::http {

std::string principal_of(const request& req, const domain::principal& caller) {
  if (caller.restricted()) return std::string(domain::name_of(caller.as)) + ":" + std::to_string(caller.id);
  std::string key = "ip:";
  key += req.peer;
  return key;
}

}  // namespace zomato::http
