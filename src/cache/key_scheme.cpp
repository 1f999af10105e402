#include "cache/key_scheme.hpp"

#include "domain/text.hpp"

namespace zomato::cache {
namespace {

void append_generation_prefix(std::string& out, cache_namespace ns, std::uint64_t generation) {
  out += name_of(ns);
  out += ':';
  domain::append_integer(out, generation);
  out += ':';
}

}  // namespace

void write_key(std::string& key, cache_namespace ns, const key_generations& seen, const http::route& target,
               const http::params& values) {
  key.clear();
  key.reserve(160);
  append_generation_prefix(key, ns, seen.of_namespace);
  domain::append_integer(key, seen.scope_slot);
  key += '.';
  domain::append_integer(key, seen.of_scope);
  key += ':';
  domain::append_integer(key, target.index);
  key += '?';
  values.append_canonical(key);
  const auto& caller = values.caller();
  if (caller.restricted() && http::answer_depends_on_caller(target)) {
    key += '#';
    domain::append_identity(key, caller);
  }
}

std::string generation_prefix(cache_namespace ns, std::uint64_t generation) {
  std::string key;
  append_generation_prefix(key, ns, generation);
  return key;
}

std::optional<key_parts> parts_of(std::string_view key) {
  const auto ns_end = key.find(':');
  if (ns_end == std::string::npos) return std::nullopt;
  const auto generation_end = key.find(':', ns_end + 1);
  if (generation_end == std::string::npos) return std::nullopt;
  const auto scope_end = key.find(':', generation_end + 1);
  const auto dot = key.find('.', generation_end + 1);
  if (scope_end == std::string::npos || dot > scope_end) return std::nullopt;
  const auto ns = namespace_named(key.substr(0, ns_end));
  if (!ns) return std::nullopt;
  std::size_t slot = 0;
  for (auto i = generation_end + 1; i < dot; ++i) {
    if (key[i] < '0' || key[i] > '9') return std::nullopt;
    slot = slot * 10 + static_cast<std::size_t>(key[i] - '0');
    if (slot >= scope_generations::slot_count) return std::nullopt;
  }
  if (dot == generation_end + 1) return std::nullopt;
  return key_parts{*ns, key.substr(ns_end + 1, generation_end - ns_end - 1), slot,
                   key.substr(dot + 1, scope_end - dot - 1)};
}

}  // namespace zomato::cache
