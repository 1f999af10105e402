#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cache/memory_backend.hpp"
#include "cache/namespaces.hpp"
#include "cache/redis_backend.hpp"
#include "cache/scope_generations.hpp"
#include "http/response_cache.hpp"
#include "services/changes.hpp"

namespace zomato::cache {

struct cache_settings {
  ttl_profile profile = ttl_profile::development;
  std::size_t memory_bytes = 64u << 20;
  bool memory_enabled = true;
  /// With Redis, the in-process copy lives at most this long (L1 in front of L2).
  std::chrono::seconds memory_ttl_with_redis{5};
  std::optional<redis_settings> redis;
  std::string prefix = "zomato-cache";
};

struct namespace_figures {
  cache_namespace ns;
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::int64_t memory_keys = 0;
  std::int64_t memory_bytes = 0;
  std::int64_t memory_body_bytes = 0;
  std::int64_t redis_keys = 0;
  std::int64_t redis_bytes = 0;
  std::int64_t redis_value_bytes = 0;
  std::chrono::seconds ttl{0};
};

struct popular_entry {
  std::string target;
  std::uint64_t uses = 0;
};

/// The route cache: responses of GET routes stored under deterministic keys (namespace,
/// its generation, the generation of the entry's scope, route, normalised parameters), in
/// memory and, when configured, in Redis behind it. A write moves on the generation of every
/// namespace it can change, or for an order only of the scopes it touched, so no read after
/// it sees older data; hits and misses are counted per namespace.
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
  redis_backend* redis() { return redis_.get(); }
  memory_backend* memory() { return settings_.memory_enabled ? &memory_ : nullptr; }
  std::uint64_t total_hits() const;
  std::uint64_t total_misses() const;

 private:
  struct key_generations {
    std::uint64_t of_namespace = 0;
    std::size_t scope_slot = 0;
    std::uint64_t of_scope = 0;
  };
  key_generations generations_for(cache_namespace ns, const http::route& target, const http::params& values) const;
  bool still_current(cache_namespace ns, const key_generations& seen) const;
  std::string key_for(cache_namespace ns, const key_generations& seen, const http::route& target,
                      const http::params& values) const;
  void advance_scopes(cache_namespace ns, const services::touched& ids);
  /// "<namespace>:<its generation>:", how the keys of its current entries begin.
  std::string generation_prefix(cache_namespace ns) const;
  bool is_current(std::string_view key) const { return namespace_of(key).has_value(); }

  cache_settings settings_;
  /// "<prefix>:<epoch>:", before every key in Redis (a key in memory goes without it).
  std::string redis_prefix_;
  memory_backend memory_;
  std::unique_ptr<redis_backend> redis_;
  std::array<std::atomic<std::uint64_t>, namespace_count> generations_{};
  scope_generations scopes_;
  std::array<std::atomic<std::uint64_t>, namespace_count> hits_{};
  std::array<std::atomic<std::uint64_t>, namespace_count> misses_{};
};

}  // namespace zomato::cache
