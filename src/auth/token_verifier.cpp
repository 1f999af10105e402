#include "auth/token_verifier.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "auth/base64url.hpp"

namespace zomato::auth {
namespace {

using nlohmann::json;

verdict refused(std::string_view why) { return {std::nullopt, why}; }

// The JSON object a base64url part encodes; a discarded value for anything else.
json object_of_part(std::string_view part) {
  const auto bytes = base64url_decode(part);
  if (!bytes) return json(json::value_t::discarded);
  auto parsed = json::parse(*bytes, nullptr, false);
  return parsed.is_object() ? parsed : json(json::value_t::discarded);
}

// A NumericDate (RFC 7519: seconds, possibly with a fraction) as whole seconds; nullopt when the
// claim is no number or out of range.
std::optional<std::int64_t> seconds_of(const json& claim) {
  if (claim.is_number_integer()) return claim.get<std::int64_t>();
  if (claim.is_number_unsigned()) {
    const auto value = claim.get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<std::int64_t>(value);
  }
  if (claim.is_number_float()) {
    const auto value = claim.get<double>();
    constexpr double limit = 1e15;  // far past any date, and exact in a double
    if (!std::isfinite(value) || std::fabs(value) > limit) return std::nullopt;
    return static_cast<std::int64_t>(std::floor(value));
  }
  return std::nullopt;
}

// A positive integer id claim; nullopt otherwise.
std::optional<domain::id_t> id_of(const json& claims, const char* name) {
  const auto found = claims.find(name);
  if (found == claims.end() || !(found->is_number_integer() || found->is_number_unsigned())) return std::nullopt;
  if (found->is_number_unsigned() && found->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
    return std::nullopt;
  }
  const auto id = found->get<std::int64_t>();
  return id > 0 ? std::optional(id) : std::nullopt;
}

bool audience_matches(const json& claim, const std::string& audience) {
  if (claim.is_string()) return claim.get_ref<const std::string&>() == audience;
  if (!claim.is_array()) return false;
  bool found = false;
  for (const auto& item : claim) {
    if (!item.is_string()) return false;
    found = found || item.get_ref<const std::string&>() == audience;
  }
  return found;
}

// The checks of the time claims; empty when they hold.
std::string_view timing_refusal(const json& claims, std::int64_t now, std::int64_t leeway) {
  const auto exp = claims.find("exp");
  if (exp == claims.end()) return "no exp";
  const auto expires = seconds_of(*exp);
  if (!expires) return "exp is not a number";
  if (now - leeway >= *expires) return "expired";
  for (const auto* name : {"nbf", "iat"}) {
    const auto claim = claims.find(name);
    if (claim == claims.end()) continue;
    const auto at = seconds_of(*claim);
    if (!at) return "nbf or iat is not a number";
    if (*at > now + leeway) return "not valid yet";
  }
  return {};
}

verdict caller_of(const json& claims) {
  const auto role_claim = claims.find("role");
  if (role_claim == claims.end() || !role_claim->is_string()) return refused("no role");
  const auto who = domain::role_named(role_claim->get_ref<const std::string&>());
  if (!who) return refused("unknown role");
  if (*who == domain::role::admin) return {domain::principal{*who, 0}, {}};
  const auto id = id_of(claims, *who == domain::role::customer ? "customer_id" : "restaurant_id");
  if (!id) return refused("no valid customer_id or restaurant_id for the role");
  return {domain::principal{*who, *id}, {}};
}

}  // namespace

verdict verify_token(const token_settings& settings, std::string_view token, std::int64_t now) {
  const auto first_dot = token.find('.');
  const auto second_dot = first_dot == std::string_view::npos ? first_dot : token.find('.', first_dot + 1);
  if (second_dot == std::string_view::npos || token.find('.', second_dot + 1) != std::string_view::npos) {
    return refused("not three parts");
  }
  const auto header = object_of_part(token.substr(0, first_dot));
  if (header.is_discarded()) return refused("malformed header");
  const auto alg = header.find("alg");
  if (alg == header.end() || !alg->is_string() || alg->get_ref<const std::string&>() != name_of(settings.key.alg())) {
    return refused("unexpected alg");
  }
  if (header.contains("crit")) return refused("unsupported crit");
  const auto signature = base64url_decode(token.substr(second_dot + 1));
  if (!signature || !settings.key.verifies(token.substr(0, second_dot), *signature)) return refused("bad signature");
  const auto claims = object_of_part(token.substr(first_dot + 1, second_dot - first_dot - 1));
  if (claims.is_discarded()) return refused("malformed payload");
  const auto sub = claims.find("sub");
  if (sub == claims.end() || !sub->is_string() || sub->get_ref<const std::string&>().empty()) return refused("no sub");
  if (const auto why = timing_refusal(claims, now, settings.leeway.count()); !why.empty()) return refused(why);
  if (settings.issuer) {
    const auto iss = claims.find("iss");
    if (iss == claims.end() || !iss->is_string() || iss->get_ref<const std::string&>() != *settings.issuer) {
      return refused("wrong issuer");
    }
  }
  if (settings.audience) {
    const auto aud = claims.find("aud");
    if (aud == claims.end() || !audience_matches(*aud, *settings.audience)) return refused("wrong audience");
  }
  return caller_of(claims);
}

}  // namespace zomato::auth
