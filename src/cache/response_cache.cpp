#include "cache/response_cache.hpp"

#include <algorithm>

#include "cache/fleet_link.hpp"
#include "cache/invalidation_map.hpp"
#include "cache/key_scheme.hpp"
#include "cache/route_rules.hpp"
#include "http/cache_control.hpp"
#include "http/router.hpp"

namespace zomato::cache {
namespace {

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match.empty()) return false;
  return if_none_match == "*" || if_none_match.find(etag) != std::string_view::npos;
}

std::int64_t milliseconds_of(std::chrono::seconds span) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(span).count();
}

struct entry_times {
  std::int64_t stored_ms;
  std::int64_t fresh_until_ms;
};
entry_times times_of(const memory_backend::stored& found) { return {found->stored_ms(), found->fresh_until_ms()}; }
entry_times times_of(const entry& found) { return {found.stored_ms, found.fresh_until_ms}; }

// The level an entry was found in.
constexpr hit_source level_of(const memory_backend::stored&) { return hit_source::memory; }
constexpr hit_source level_of(const entry&) { return hit_source::redis; }

entry copy_of(const memory_backend::stored& found) {
  return {std::string(found->body()), found->etag(), std::string(found->target()), found->stored_ms(),
          found->fresh_until_ms()};
}
const entry& copy_of(const entry& found) { return found; }

// Cache-Control, and Age when the answer comes from an entry, as of `now_ms`: how long a client
// may keep it where its TTL rules (and serve it stale), revalidation where invalidations do.
void describe(http::response& out, const freshness& fresh, entry_times times, std::int64_t now_ms, bool from_entry) {
  if (fresh.ttl_driven) {
    auto control = "max-age=" + std::to_string(std::max<std::int64_t>(0, (times.fresh_until_ms - now_ms) / 1000));
    if (fresh.while_revalidate.count() > 0) {
      control += ", stale-while-revalidate=" + std::to_string(fresh.while_revalidate.count());
    }
    if (fresh.if_error.count() > 0) control += ", stale-if-error=" + std::to_string(fresh.if_error.count());
    out.headers.emplace_back("cache-control", std::move(control));
  } else {
    out.headers.emplace_back("cache-control", "no-cache");
  }
  if (from_entry) {
    out.headers.emplace_back("age", std::to_string(std::max<std::int64_t>(0, (now_ms - times.stored_ms) / 1000)));
  }
}

// A 200 with the entry's ETag, or a 304 without body when If-None-Match names it.
http::response answer(std::string_view if_none_match, std::string etag) {
  http::response out;
  out.headers.reserve(4);  // ETag, Cache-Control, Age, X-Cache-Status
  if (etag_matches(if_none_match, etag)) out.status = 304;
  out.headers.emplace_back("etag", std::move(etag));
  return out;
}

// The stored body is shared with the response, not copied.
http::response answer(std::string_view if_none_match, const memory_backend::stored& found) {
  auto out = answer(if_none_match, found->etag());
  if (out.status == 200) out.shared_body = found;
  return out;
}

http::response answer(std::string_view if_none_match, const entry& found) {
  auto out = answer(if_none_match, found.etag);
  if (out.status == 200) out.body = found.body;
  return out;
}

// A request's copy of an answer computed for another: a 304 when it names the ETag.
http::response respond_to(std::string_view if_none_match, http::response full, const char* cache_status) {
  if (full.status == 200) {
    for (const auto& [name, value] : full.headers) {
      if (name == "etag" && etag_matches(if_none_match, value)) {
        full.status = 304;
        full.body.clear();
        full.shared_body.reset();
        break;
      }
    }
  }
  full.headers.emplace_back("x-cache-status", cache_status);
  return full;
}

// The whole 200 answer of a stale entry served because computing it failed.
http::response fallback_answer(const read_plan& plan) {
  auto full = answer({}, *plan.fallback);
  describe(full, plan.fresh, times_of(*plan.fallback), epoch_ms_now(), true);
  return full;
}

constexpr const char* stale_if_error = "STALE-IF-ERROR";

}  // namespace

response_cache::response_cache(cache_settings settings) : settings_(std::move(settings)), store_(settings_) {
  if (settings_.redis) {
    fleet_ = std::make_unique<fleet_link>(
        *settings_.redis, settings_.prefix, settings_.fleet_bound, generations_, [this] { store_.clear_memory(); },
        settings_.ledger);
  }
}

response_cache::~response_cache() = default;

key_generations response_cache::generations_for(cache_namespace ns, const http::route& target,
                                                const http::params& values) const {
  const auto kind = scope_kind_of_param(target.cache.scope);
  return generations_.of_entry(ns, kind, kind ? values.integer(target.cache.scope) : 0);
}

freshness response_cache::freshness_of(cache_namespace ns, int route_ttl_seconds) const {
  const auto& policy = policy_of(ns);
  const auto& set = settings_.overrides[static_cast<std::size_t>(ns)];
  freshness f;
  f.ttl = set.ttl                 ? std::chrono::seconds(*set.ttl)
          : route_ttl_seconds > 0 ? std::chrono::seconds(route_ttl_seconds)
                                  : ttl_of(ns, settings_.profile);
  f.while_revalidate = std::chrono::seconds(set.while_revalidate.value_or(policy.stale.while_revalidate));
  f.if_error = std::chrono::seconds(set.if_error.value_or(policy.stale.if_error));
  f.ttl_driven = policy.ttl_driven();
  return f;
}

std::optional<cache_namespace> response_cache::namespace_of(std::string_view key) const {
  const auto parts = parts_of(key);
  if (!parts) return std::nullopt;
  if (parts->namespace_generation != std::to_string(generations_.of_namespace(parts->ns))) return std::nullopt;
  if (parts->scope_generation != std::to_string(generations_.of_scope(parts->scope_slot))) return std::nullopt;
  return parts->ns;
}

template <class Stored>
std::optional<http::response> response_cache::answer_stored(const http::request& req, read_plan& plan,
                                                            const Stored& found, std::int64_t now, bool& refresh) {
  const auto times = times_of(found);
  const char* status = "HIT";
  if (now >= times.fresh_until_ms) {
    const auto past = now - times.fresh_until_ms;
    if (past >= milliseconds_of(plan.fresh.while_revalidate)) {
      if (past < milliseconds_of(plan.fresh.if_error)) plan.fallback = copy_of(found);
      return std::nullopt;
    }
    status = "STALE";
    refresh = flights_.lead_or_wait(plan.key, {});
    if (refresh) {
      plan.leads = true;
      plan.fallback = copy_of(found);
    }
  }
  statistics_.hit(plan.ns, level_of(found));
  auto out = answer(req.if_none_match, found);
  describe(out, plan.fresh, times, now, true);
  out.headers.emplace_back("x-cache-status", status);
  return out;
}

lookup response_cache::look(const http::request& req, const http::route& target, const http::params& values) {
  lookup out;
  const auto ns = namespace_of_rule(target.cache);
  if (!ns || !store_.enabled()) return out;
  read_plan plan;
  plan.ns = *ns;
  plan.fresh = freshness_of(*ns, target.cache.ttl_seconds);
  plan.seen = generations_for(*ns, target, values);
  // The key is written into room each thread keeps, which a hit gives back: a hit allocates
  // nothing for it.
  thread_local std::string key_room;
  plan.key = std::move(key_room);
  write_key(plan.key, *ns, plan.seen, target, values);
  // Off the fleet (or not sure to have heard of every write), a read neither reads nor stores.
  plan.stores = !http::has_directive(req.cache_control, "no-store") && (!fleet_ || fleet_->usable());
  plan.reads = plan.stores && !http::has_directive(req.cache_control, "no-cache");
  if (plan.reads) {
    const auto now = epoch_ms_now();  // once, for the entry's expiry and its answer's age
    if (auto found = store_.from_memory(plan.key, now)) {
      out.answer = answer_stored(req, plan, found, now, out.refresh);
      if (out.answer && !out.refresh) {  // a hit goes on with nothing
        key_room = std::move(plan.key);
        return out;
      }
    }
  }
  out.plan = std::make_shared<read_plan>(std::move(plan));
  return out;
}

std::optional<std::string> response_cache::remote_key(const read_plan& plan) const {
  if (!store_.has_remote() || !plan.reads) return std::nullopt;
  return store_.remote_key(plan.key, generations_.epoch());
}

lookup response_cache::look_found(const http::request& req, std::shared_ptr<read_plan> plan,
                                  std::optional<entry> found) {
  lookup out;
  if (found) {
    store_.keep_in_memory(plan->key, *found, plan->fresh.lifetime());
    out.answer = answer_stored(req, *plan, *found, epoch_ms_now(), out.refresh);
  }
  out.plan = std::move(plan);
  return out;
}

bool response_cache::lead(read_plan& plan, std::string_view if_none_match, std::function<void(http::response)> done) {
  if (!plan.stores || plan.leads) return true;
  flights::waiter waiting;
  if (done) {
    waiting = [this, ns = plan.ns, tag = std::string(if_none_match), done = std::move(done)](const http::response& full,
                                                                                             const char* cache_status) {
      statistics_.hit(ns, hit_source::coalesced);
      done(respond_to(tag, full, cache_status));
    };
  }
  plan.leads = flights_.lead_or_wait(plan.key, std::move(waiting));
  return plan.leads;
}

void response_cache::land(read_plan& plan, const http::response& full, const char* cache_status) {
  if (!plan.leads) return;
  plan.leads = false;
  flights_.land(plan.key, full, cache_status);
}

http::response response_cache::finish(const http::request& req, read_plan& plan, http::response computed) {
  if (!plan.stores) {
    computed.headers.emplace_back("x-cache-status", "MISS");
    return computed;
  }
  statistics_.miss(plan.ns);
  if (computed.status == 503 && plan.fallback) {
    auto full = fallback_answer(plan);
    land(plan, full, stale_if_error);
    return respond_to(req.if_none_match, std::move(full), stale_if_error);
  }
  if (computed.status != 200 || !computed.cacheable) {
    land(plan, computed, "COALESCED");
    computed.headers.emplace_back("x-cache-status", "MISS");
    return computed;
  }
  const auto now = epoch_ms_now();
  std::string request_target(req.path);
  if (!req.query.empty()) request_target += "?" + std::string(req.query);
  auto etag = etag_of(computed.body);
  entry stored{std::move(computed.body), std::move(etag), std::move(request_target), now,
               now + milliseconds_of(plan.fresh.ttl)};
  if (generations_.still_current(plan.ns, plan.seen)) {
    store_.put(plan.key, stored, plan.fresh.lifetime(), generations_.epoch());
  }
  auto full = answer({}, stored.etag);
  describe(full, plan.fresh, times_of(stored), now, false);
  full.body = std::move(stored.body);
  land(plan, full, "COALESCED");
  return respond_to(req.if_none_match, std::move(full), "MISS");
}

http::response response_cache::give_up(const http::request& req, read_plan& plan, http::response refusal) {
  if (plan.fallback) {
    auto full = fallback_answer(plan);
    land(plan, full, stale_if_error);
    return respond_to(req.if_none_match, std::move(full), stale_if_error);
  }
  land(plan, refusal, "COALESCED");
  return refusal;
}

http::response response_cache::serve(const http::request& req, const http::route& target, const http::params& values,
                                     const std::function<http::response()>& produce) {
  auto found = look(req, target, values);
  if (found.answer && !found.refresh) return std::move(*found.answer);
  if (!found.plan) return produce();
  if (!found.answer) {
    if (const auto remote = remote_key(*found.plan)) {
      found = look_found(req, std::move(found.plan), store_.redis()->get(*remote));
    }
  }
  // Reads made inside the server want what is current: a stale entry is refreshed at once.
  if (found.answer && !found.refresh) return std::move(*found.answer);
  if (!found.refresh) lead(*found.plan, {}, {});
  return finish(req, *found.plan, produce());
}

void response_cache::add_moves(generation_moves& moves, services::change what, const services::touched& ids) {
  for (auto ns : namespaces_changed_by(what)) {
    if (confined_to_touched(what, ns)) {
      generations::add_scopes(moves, ns, ids);
    } else if (std::find(moves.namespaces.begin(), moves.namespaces.end(), ns) == moves.namespaces.end()) {
      moves.namespaces.push_back(ns);
    }
  }
}

bool response_cache::can_announce() const { return !fleet_ || fleet_->synced(); }

void response_cache::changed(services::change what, const services::touched& ids) {
  if (fleet_) return;
  generation_moves moves;
  add_moves(moves, what, ids);
  generations_.advance(moves);
}

void response_cache::settled(const services::write_context::told& changes, const std::vector<std::uint64_t>& numbers) {
  generation_moves moves;
  for (const auto& [what, ids] : changes) add_moves(moves, what, ids);
  auto& slots = moves.scope_slots;
  std::sort(slots.begin(), slots.end());
  slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  if (fleet_) {
    fleet_->publish(moves, numbers);
  } else {
    generations_.advance(moves);
  }
}

void response_cache::clear(cache_namespace ns) {
  if (fleet_) {
    fleet_->publish({{ns}, {}}, {});
  } else {
    generations_.advance(ns);
  }
}

void response_cache::clear_all() {
  if (fleet_) return fleet_->forget_everything();
  for (auto ns : all_namespaces) generations_.advance(ns);
  store_.clear_memory();
}

std::int64_t response_cache::remove_stale() {
  if (fleet_ && !fleet_->usable()) return 0;  // what is current is not known for sure
  return store_.remove_if([this](std::string_view key) { return !is_current(key); }, generations_.epoch());
}

bool response_cache::wait_for_fleet(std::chrono::milliseconds cap) const { return !fleet_ || fleet_->wait_usable(cap); }

services::fleet_figures response_cache::fleet_figures() const {
  if (!fleet_) return {};
  return fleet_->figures();
}

std::vector<namespace_figures> response_cache::local_figures() const {
  std::vector<namespace_figures> all;
  for (auto ns : all_namespaces) {
    namespace_figures f;
    f.name = name_of(ns);
    f.hits = statistics_.hits(ns);
    f.misses = statistics_.misses(ns);
    f.ttl_seconds = ttl_for(ns).count();
    all.push_back(f);
  }
  store_.inspect_memory([&](const memory_backend::visit& v) {
    const auto ns = namespace_of(v.key);
    if (v.expired || !ns) return;
    auto& f = all[static_cast<std::size_t>(*ns)];
    ++f.memory_keys;
    f.memory_bytes += static_cast<std::int64_t>(v.bytes);
    f.memory_body_bytes += static_cast<std::int64_t>(v.value.body().size());
  });
  return all;
}

std::vector<namespace_figures> response_cache::figures() {
  auto all = local_figures();
  if (store_.redis()) {
    for (auto ns : all_namespaces) {
      auto& f = all[static_cast<std::size_t>(ns)];
      const auto stats =
          store_.remote_stats(generation_prefix(ns, generations_.of_namespace(ns)), generations_.epoch());
      f.redis_keys = stats.keys;
      f.redis_bytes = stats.bytes;
      f.redis_value_bytes = stats.value_bytes;
    }
  }
  return all;
}

std::vector<popular_entry> response_cache::most_used(std::size_t limit) const {
  std::vector<popular_entry> used;
  store_.inspect_memory([&](const memory_backend::visit& v) {
    if (!v.expired && v.uses > 0 && is_current(v.key)) used.push_back({std::string(v.value.target()), v.uses});
  });
  std::sort(used.begin(), used.end(), [](const popular_entry& a, const popular_entry& b) { return a.uses > b.uses; });
  if (used.size() > limit) used.resize(limit);
  return used;
}

std::vector<std::string> response_cache::expiring(cache_namespace ns, double fraction) const {
  std::vector<std::string> targets;
  const auto now = epoch_ms_now();
  store_.inspect_memory([&](const memory_backend::visit& v) {
    if (v.expired || v.uses == 0 || namespace_of(v.key) != ns) return;
    const auto ttl = static_cast<double>(v.value.fresh_until_ms() - v.value.stored_ms());
    if (static_cast<double>(v.value.fresh_until_ms() - now) < ttl * fraction) targets.emplace_back(v.value.target());
  });
  return targets;
}

}  // namespace zomato::cache
