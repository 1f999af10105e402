#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "auth/token_settings.hpp"
#include "domain/principal.hpp"

namespace zomato::http {

/// Who may call a route, declared once on it. With AUTH_MODE=off only the operational routes are
/// guarded (by ADMIN_TOKEN when it is set); with AUTH_MODE=jwt every route but `anyone`'s needs a
/// token, the roles named here may call it, and an admin may call every route.
enum class access {
  anyone,      // no token, in every mode
  customer,    // a customer, on what is theirs
  restaurant,  // a restaurant, on what is its own
  party,       // a customer or a restaurant, on what is theirs (an order's two parties)
  admin,       // only an admin with jwt; anyone with auth off
  operational  // only an admin; with ADMIN_TOKEN set, in any mode, its bearer or (jwt) an admin token
};

/// Whether a caller of the role may call a route of this access (before ownership). Never fails.
bool admits(access who, domain::role as);

/// The parameter by which a route names what belongs to a restricted role: "customer_id" for a
/// customer, "restaurant_id" for a restaurant; empty for the other roles.
std::string_view owner_param(domain::role as);

/// The detail of the 404 a route answers for a missing owner of that parameter ("Customer not
/// found"), also given to a caller naming another's so that ids cannot be probed.
std::string_view missing_owner_detail(domain::role as);

/// How the server tells who sends a request.
struct access_policy {
  /// ADMIN_TOKEN: a bearer of it is an admin (in any mode); empty: none is.
  std::string admin_token;
  /// AUTH_MODE=jwt: the bearer tokens' settings; nullopt with AUTH_MODE=off.
  std::optional<auth::token_settings> tokens;
};

/// Who sends a request with this `Authorization` value: an admin for the admin token, the token's
/// caller with jwt (the clock, read only then, checks its expiry), role::anyone without a bearer
/// token (or with auth off). nullopt for a bearer token that is neither the admin token nor (with
/// jwt) a valid token. Never throws.
std::optional<domain::principal> caller_of(const access_policy& policy, std::string_view authorization);

}  // namespace zomato::http
