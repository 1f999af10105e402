#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cache/cache_settings.hpp"
#include "cache/generations.hpp"
#include "cache/hit_statistics.hpp"
#include "cache/namespaces.hpp"
#include "cache/two_level_store.hpp"
#include "http/response_cache.hpp"
#include "services/cache_report.hpp"
#include "services/changes.hpp"

namespace zomato::cache {

using services::namespace_figures;
using services::popular_entry;

/// The route cache: responses of GET routes stored under deterministic keys (key_scheme:
/// namespace, its generation, the generation of the entry's scope, route, normalised
/// parameters) in a two_level_store (memory and, when configured, Redis behind it). A write moves on the generation of
/// every namespace it can change, or for an order only of the scopes it touched, so no read after it sees older data;
/// hits and misses are counted per namespace.
class response_cache final : public http::response_cache, public services::change_listener {
 public:
  explicit response_cache(cache_settings settings);

  http::response serve(const http::request& req, const http::route& target, const http::params& values,
                       const std::function<http::response()>& produce) override;
  void changed(services::change what, const services::touched& ids) override;

  /// A cached read that Redis alone answers, looked up without blocking: its namespace and key.
  struct remote_read {
    cache_namespace ns;
    std::string key;
  };
  /// The Redis key of a read of a cached route, when Redis alone holds the entries and the
  /// request may read them (not no-store, not no-cache); nullopt otherwise.
  std::optional<remote_read> remote_read_of(const http::request& req, const http::route& target,
                                            const http::params& values) const;
  /// The answer of a remote read that found its entry (a hit).
  http::response answer_found(const http::request& req, const remote_read& read, entry found);

  /// Drops every entry of the namespace (O(1): its generation moves on).
  void clear(cache_namespace ns);
  void clear_all();
  /// Removes expired and superseded entries from memory and from Redis; returns how many.
  std::int64_t remove_stale();

  std::vector<namespace_figures> figures();
  std::vector<popular_entry> most_used(std::size_t limit) const;
  /// Targets of used entries of the namespace with less than `fraction` of their TTL left
  /// (refresh-ahead).
  std::vector<std::string> expiring(cache_namespace ns, double fraction) const;
  std::chrono::seconds ttl_for(cache_namespace ns) const { return ttl_of(ns, settings_.profile); }

  /// The namespace of a key of the current generation, as held in memory (a Redis key carries
  /// the prefix and epoch before it); nullopt for others.
  std::optional<cache_namespace> namespace_of(std::string_view key) const;

  const cache_settings& settings() const { return settings_; }
  redis_backend* redis() { return store_.redis(); }
  memory_backend* memory() { return store_.memory(); }
  std::uint64_t total_hits() const { return statistics_.total_hits(); }
  std::uint64_t total_misses() const { return statistics_.total_misses(); }

 private:
  key_generations generations_for(cache_namespace ns, const http::route& target, const http::params& values) const;
  bool is_current(std::string_view key) const { return namespace_of(key).has_value(); }

  cache_settings settings_;
  two_level_store store_;
  generations generations_;
  hit_statistics statistics_;
};

}  // namespace zomato::cache
