#include "cache/namespaces.hpp"

namespace zomato::cache {

std::string_view name_of(cache_namespace ns) { return policy_of(ns).name; }

std::optional<cache_namespace> namespace_named(std::string_view name) {
  for (const auto& policy : namespace_policies) {
    if (policy.name == name) return policy.ns;
  }
  return std::nullopt;
}

std::chrono::seconds ttl_of(cache_namespace ns, ttl_profile profile) {
  const auto& ttl = policy_of(ns).ttl;
  switch (profile) {
    case ttl_profile::development: return std::chrono::seconds(ttl.development);
    case ttl_profile::staging: return std::chrono::seconds(ttl.staging);
    case ttl_profile::production: return std::chrono::seconds(ttl.production);
  }
  return std::chrono::seconds(ttl.development);
}

}  // namespace zomato::cache
