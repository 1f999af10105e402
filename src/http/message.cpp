#include "http/message.hpp"

namespace zomato::http {

std::string_view verb_name(verb method) {
  switch (method) {
    case verb::get: return "GET";
    case verb::post: return "POST";
    case verb::put: return "PUT";
    case verb::delete_: return "DELETE";
    case verb::patch: return "PATCH";
    case verb::head: return "HEAD";
    case verb::options: return "OPTIONS";
    case verb::other: break;
  }
  return "OTHER";
}

std::string_view reason(int status) {
  const auto slot = status_slot(status);
  return slot < known_statuses.size() ? known_statuses[slot].reason : "Unknown";
}

}  // namespace zomato::http
