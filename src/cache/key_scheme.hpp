#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "cache/generations.hpp"
#include "cache/namespaces.hpp"
#include "http/params.hpp"
#include "http/router.hpp"

namespace zomato::cache {

/// The key of an entry: "<namespace>:<its generation>:<scope slot>.<its generation>:<route
/// index>?<normalised parameters>", the same for every request that means the same thing; for a
/// route whose answer depends on its caller (http::answer_depends_on_caller), a restricted
/// caller's key ends with "#<role>:<id>", so that one identity's answer never reaches another.
/// Written into `key`, whose text it replaces and whose room it keeps. Never fails.
void write_key(std::string& key, cache_namespace ns, const key_generations& seen, const http::route& target,
               const http::params& values);

/// "<namespace>:<generation>:", how the keys of a namespace's generation begin.
std::string generation_prefix(cache_namespace ns, std::uint64_t generation);

/// What a key says of the generations it was made with (texts as written in the key).
struct key_parts {
  cache_namespace ns;
  std::string_view namespace_generation;
  std::size_t scope_slot = 0;
  std::string_view scope_generation;
};
/// The parts of a key of key_of's form; nullopt for any other text.
std::optional<key_parts> parts_of(std::string_view key);

}  // namespace zomato::cache
