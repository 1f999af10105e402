#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/entities.hpp"

namespace zomato::domain {

/// Who a request is sent by. `anyone` is a request without a verified identity: with
/// AUTH_MODE=off every request (nothing is restricted), with jwt one that reached a route that
/// needs no token. Customers and restaurants act only on what is theirs; an admin on everything.
enum class role { anyone, customer, restaurant, admin };

/// "customer", "restaurant" or "admin" (a token's `role` claim); nullopt for any other text.
std::optional<role> role_named(std::string_view name);

/// The claim name of a role ("anyone" for role::anyone).
std::string_view name_of(role who);

struct principal;

/// Appends who the caller is as text: its role and id ("customer:5"). Never fails.
void append_identity(std::string& out, const principal& who);

struct principal {
  role as = role::anyone;
  /// The customer's id (role customer) or the restaurant's (role restaurant); 0 otherwise.
  id_t id = 0;

  /// Whether the caller is held to what is theirs (a customer or a restaurant).
  bool restricted() const { return as == role::customer || as == role::restaurant; }
  /// Whether the caller may see and act on the order: its customer, its restaurant, or an
  /// unrestricted caller. Never fails.
  bool may_see(const order& placed) const {
    return !restricted() || (as == role::customer ? placed.customer_id : placed.restaurant_id) == id;
  }
  /// Whether the caller may change what belongs to the restaurant: that restaurant or an
  /// unrestricted caller (a customer never). Never fails.
  bool speaks_for_restaurant(id_t restaurant_id) const {
    return !restricted() || (as == role::restaurant && id == restaurant_id);
  }
};

}  // namespace zomato::domain
