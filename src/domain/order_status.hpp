#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zomato::domain {

enum class order_status { placed, confirmed, preparing, out_for_delivery, delivered, cancelled };

inline constexpr std::array<order_status, 6> all_order_statuses{order_status::placed,    order_status::confirmed,
                                                                order_status::preparing, order_status::out_for_delivery,
                                                                order_status::delivered, order_status::cancelled};

/// "placed", "confirmed", ..., as the API writes them.
std::string_view name_of(order_status status);

/// The names of every status, in workflow order (the choices of a status parameter or field).
std::vector<std::string> order_status_names();

/// The status named by the text; nullopt for anything else.
std::optional<order_status> order_status_named(std::string_view name);

/// The workflow: placed -> confirmed -> preparing -> out_for_delivery -> delivered, and
/// placed, confirmed or preparing -> cancelled. Nothing else (not even to the same status).
bool can_transition(order_status from, order_status to);

/// Delivered and cancelled orders never change again.
bool is_final(order_status status);

/// "Cannot transition from placed to delivered".
std::string transition_refusal(order_status from, order_status to);

}  // namespace zomato::domain
