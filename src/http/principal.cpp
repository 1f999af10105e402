#include "http/principal.hpp"

namespace zomato::http {

std::string principal_of(const request& req) {
  std::string key = "ip:";
  key += req.peer;
  return key;
}

}  // namespace zomato::http
