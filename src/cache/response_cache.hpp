#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cache/cache_settings.hpp"
#include "cache/flights.hpp"
#include "cache/freshness.hpp"
#include "cache/generations.hpp"
#include "cache/hit_statistics.hpp"
#include "cache/namespaces.hpp"
#include "cache/two_level_store.hpp"
#include "http/response_cache.hpp"
#include "services/cache_report.hpp"
#include "services/changes.hpp"
#include "services/write_context.hpp"

namespace zomato::cache {

class fleet_link;

using services::namespace_figures;
using services::popular_entry;

/// One read of a cached route on its way through the cache: where it is kept, how long it is
/// fresh, and what it found so far.
struct read_plan {
  cache_namespace ns = cache_namespace::restaurants;
  freshness fresh;
  key_generations seen;
  std::string key;
  /// False for a `no-store` request: computed on its own, never stored.
  bool stores = true;
  /// False for `no-cache` and `no-store` requests: they do not read what is stored.
  bool reads = true;
  /// Whether this read leads the computation of its key (other reads wait for it).
  bool leads = false;
  /// A stale entry within its stale-if-error window: the answer if computing fails.
  std::optional<entry> fallback;
};

/// What the cache found for a read at once, without waiting on anything.
struct lookup {
  /// A fresh entry (HIT), or a stale one within its stale-while-revalidate window (STALE).
  std::optional<http::response> answer;
  /// With a STALE answer: this read now leads the one refresh of the key, which the caller
  /// runs (finish with what it computed, or give_up).
  bool refresh = false;
  /// What a read goes on with when it is not answered, or is answered STALE; null otherwise,
  /// and when the route is not cached (the caller then computes it with no cache involved).
  std::shared_ptr<read_plan> plan;
};

/// The route cache: responses of GET routes stored under deterministic keys (key_scheme:
/// namespace, its generation, the generation of the entry's scope, route, normalised
/// parameters) in a two_level_store (memory and, when configured, Redis behind it). A write
/// moves on the generation of every namespace it can change, or, where it only changes what is
/// about the entities it touched, of their scopes and the unscoped entries, so no read after it
/// sees older data; hits and misses are counted per namespace.
///
/// A read goes through steps that never wait, so that its caller chooses where each runs:
/// look() (memory), then, when it found nothing, look_found() with what Redis holds under
/// remote_key(), then lead() (one computation per key: the others wait for it), and finish()
/// with the computed answer, or give_up() when it could not be computed. serve() does them all
/// on the caller's thread, for reads made inside the server.
///
/// Answers say how they were served in X-Cache-Status: HIT, MISS (computed for this request),
/// COALESCED (computed for another request that was already doing so), STALE (after its TTL,
/// within stale-while-revalidate, while one refresh runs), STALE-IF-ERROR (computing it failed
/// or found no room); with Cache-Control (max-age left and the stale windows where the TTL
/// rules, no-cache where invalidations do), Age on answers from an entry, and the ETag.
class response_cache final : public http::response_cache, public services::change_listener {
 public:
  explicit response_cache(cache_settings settings);

  ~response_cache() override;
  response_cache(const response_cache&) = delete;
  response_cache& operator=(const response_cache&) = delete;

  http::response serve(const http::request& req, const http::route& target, const http::params& values,
                       const std::function<http::response()>& produce) override;
  /// A write committed: without a fleet its namespaces or scopes move on here at once; in a
  /// fleet nothing happens before settled().
  void changed(services::change what, const services::touched& ids) override;
  /// Without a fleet always; in a fleet while the link is synced, so a write's script is tried
  /// (a late heartbeat alone does not stop it; a failed script marks the write).
  bool can_announce() const override;
  /// A request's writes are durable: what they changed moves on (in a fleet, in Redis and on
  /// every node, which also hear the writes' `numbers`) before the request is acknowledged.
  void settled(const services::write_context::told& changes, const std::vector<std::uint64_t>& numbers = {});

  /// The first step of a read of `target`: an answer from memory when it has one.
  lookup look(const http::request& req, const http::route& target, const http::params& values);
  /// The Redis key under which a read that look() did not answer may be found; nullopt without
  /// Redis or when the request may not read the cache (no-cache, no-store).
  std::optional<std::string> remote_key(const read_plan& plan) const;
  /// The step after Redis answered the read of remote_key() (`found`: what it held); the entry
  /// is copied into memory.
  lookup look_found(const http::request& req, std::shared_ptr<read_plan> plan, std::optional<entry> found);
  /// Makes the read the one that computes its key (true), or adds it to the reads that wait for
  /// the computation in progress (false; `done` then gets its answer on the computing thread).
  bool lead(read_plan& plan, std::string_view if_none_match, std::function<void(http::response)> done);
  /// Stores what was computed for the read when it may be kept, answers the reads that waited,
  /// and returns the read's own answer (a stale fallback instead of a 503 when it has one).
  http::response finish(const http::request& req, read_plan& plan, http::response computed);
  /// Ends a read that could not be computed (no room to run it): its stale fallback, or `refusal`;
  /// the reads that waited get the same.
  http::response give_up(const http::request& req, read_plan& plan, http::response refusal);

  /// Drops every entry of the namespace (O(1): its generation moves on), on every node.
  void clear(cache_namespace ns);
  /// Drops every entry, on every node.
  void clear_all();
  /// Removes expired and superseded entries from memory and from Redis; returns how many.
  std::int64_t remove_stale();

  /// Each namespace's hits, misses, TTL and entries in memory, without asking Redis.
  std::vector<namespace_figures> local_figures() const;
  /// local_figures() with each namespace's keys and bytes in Redis (SCAN: slow on a large keyspace).
  std::vector<namespace_figures> figures();
  std::vector<popular_entry> most_used(std::size_t limit) const;
  /// Targets of used entries of the namespace with less than `fraction` of their TTL left
  /// (refresh-ahead).
  std::vector<std::string> expiring(cache_namespace ns, double fraction) const;
  /// The namespace's TTL (its routes may state their own) and stale windows, overrides applied.
  freshness freshness_of(cache_namespace ns, int route_ttl_seconds = 0) const;
  std::chrono::seconds ttl_for(cache_namespace ns) const { return freshness_of(ns).ttl; }
  /// How many keys are being computed now.
  std::size_t computing() const { return flights_.in_progress(); }

  /// The namespace of a key of the current generation, as held in memory (a Redis key carries
  /// the prefix and epoch before it); nullopt for others.
  std::optional<cache_namespace> namespace_of(std::string_view key) const;

  const cache_settings& settings() const { return settings_; }
  redis_backend* redis() { return store_.redis(); }
  memory_backend* memory() { return store_.memory(); }
  std::uint64_t total_hits() const { return statistics_.total_hits(); }
  std::uint64_t total_misses() const { return statistics_.total_misses(); }
  const hit_statistics& statistics() const { return statistics_; }
  /// Waits until the node may use its cache, at most `cap` (at once without a fleet); false when
  /// it may not by then (it then computes every read until its link is synced).
  bool wait_for_fleet(std::chrono::milliseconds cap) const;
  /// This node's link to the fleet; state "off" without Redis.
  services::fleet_figures fleet_figures() const;

 private:
  key_generations generations_for(cache_namespace ns, const http::route& target, const http::params& values) const;
  bool is_current(std::string_view key) const { return namespace_of(key).has_value(); }
  /// What a stored entry (fresh, or stale within a window) answers at `now_ms`; nullopt when it
  /// is too old.
  template <class Stored>
  std::optional<http::response> answer_stored(const http::request& req, read_plan& plan, const Stored& found,
                                              std::int64_t now_ms, bool& refresh);
  /// Tells the reads waiting on the plan's computation, when it leads one.
  void land(read_plan& plan, const http::response& full, const char* cache_status);
  /// What a write of `what` touching `ids` moves on.
  static void add_moves(generation_moves& moves, services::change what, const services::touched& ids);

  cache_settings settings_;
  two_level_store store_;
  generations generations_;
  hit_statistics statistics_;
  flights flights_;
  std::unique_ptr<fleet_link> fleet_;  // with Redis; last: its thread uses the members above
};

}  // namespace zomato::cache
