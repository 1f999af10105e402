#include "domain/order_status.hpp"

namespace zomato::domain {

std::string_view name_of(order_status status) {
  switch (status) {
    case order_status::placed: return "placed";
    case order_status::confirmed: return "confirmed";
    case order_status::preparing: return "preparing";
    case order_status::out_for_delivery: return "out_for_delivery";
    case order_status::delivered: return "delivered";
    case order_status::cancelled: return "cancelled";
  }
  return "placed";
}

std::vector<std::string> order_status_names() {
  std::vector<std::string> names;
  names.reserve(all_order_statuses.size());
  for (const auto status : all_order_statuses) names.emplace_back(name_of(status));
  return names;
}

std::optional<order_status> order_status_named(std::string_view name) {
  for (auto status : all_order_statuses) {
    if (name_of(status) == name) return status;
  }
  return std::nullopt;
}

bool can_transition(order_status from, order_status to) {
  switch (from) {
    case order_status::placed: return to == order_status::confirmed || to == order_status::cancelled;
    case order_status::confirmed: return to == order_status::preparing || to == order_status::cancelled;
    case order_status::preparing: return to == order_status::out_for_delivery || to == order_status::cancelled;
    case order_status::out_for_delivery: return to == order_status::delivered;
    case order_status::delivered:
    case order_status::cancelled: return false;
  }
  return false;
}

bool is_final(order_status status) { return status == order_status::delivered || status == order_status::cancelled; }

std::string transition_refusal(order_status from, order_status to) {
  return "Cannot transition from " + std::string(name_of(from)) + " to " + std::string(name_of(to));
}

}  // namespace zomato::domain
