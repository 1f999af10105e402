#include "cache/response_cache.hpp"

#include <algorithm>
#include <cstdio>
#include <random>

#include "cache/invalidation_map.hpp"
#include "domain/text.hpp"
#include "http/cache_control.hpp"
#include "http/router.hpp"

namespace zomato::cache {
namespace {

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match.empty()) return false;
  return if_none_match == "*" || if_none_match.find(etag) != std::string_view::npos;
}

http::response answer(const http::request& req, std::string etag, const char* status) {
  http::response out;
  if (etag_matches(req.if_none_match, etag)) out.status = 304;
  out.headers.emplace_back("etag", std::move(etag));
  out.headers.emplace_back("x-cache-status", status);
  return out;
}

// The stored body is shared with the response, not copied.
http::response answer(const http::request& req, memory_backend::stored stored, const char* status) {
  auto out = answer(req, stored->etag(), status);
  if (out.status == 200) out.shared_body = std::move(stored);
  return out;
}

http::response answer(const http::request& req, entry&& found, const char* status) {
  auto out = answer(req, std::move(found.etag), status);
  if (out.status == 200) out.body = std::move(found.body);
  return out;
}

// "<namespace>:<generation>:", how every key of a namespace's generation begins.
void append_generation_prefix(std::string& out, cache_namespace ns, std::uint64_t generation) {
  out += name_of(ns);
  out += ':';
  domain::append_integer(out, generation);
  out += ':';
}

std::string random_epoch() {
  std::random_device source;
  char text[20];
  std::snprintf(text, sizeof text, "%08x%08x", source(), source());
  return text;
}

std::size_t index_of(cache_namespace ns) { return static_cast<std::size_t>(ns); }

}  // namespace

response_cache::response_cache(cache_settings settings)
    : settings_(std::move(settings)),
      redis_prefix_(settings_.prefix + ":" + random_epoch() + ":"),
      memory_(settings_.memory_bytes) {
  if (settings_.redis) redis_ = std::make_unique<redis_backend>(*settings_.redis);
}

std::string response_cache::generation_prefix(cache_namespace ns) const {
  std::string key;
  append_generation_prefix(key, ns, generations_[index_of(ns)].load());
  return key;
}

response_cache::key_generations response_cache::generations_for(cache_namespace ns, const http::route& target,
                                                                const http::params& values) const {
  const auto kind = scope_kind_of_param(target.cache.scope);
  const auto id = kind ? values.integer(target.cache.scope) : 0;
  const auto slot =
      id > 0 ? scope_generations::slot_of(ns, *kind, id) : scope_generations::slot_of(ns, scope_kind::unscoped, 0);
  return {generations_[index_of(ns)].load(), slot, scopes_.current(slot)};
}

bool response_cache::still_current(cache_namespace ns, const key_generations& seen) const {
  return generations_[index_of(ns)].load() == seen.of_namespace && scopes_.current(seen.scope_slot) == seen.of_scope;
}

std::string response_cache::key_for(cache_namespace ns, const key_generations& seen, const http::route& target,
                                    const http::params& values) const {
  std::string key;
  key.reserve(160);
  append_generation_prefix(key, ns, seen.of_namespace);
  domain::append_integer(key, seen.scope_slot);
  key += '.';
  domain::append_integer(key, seen.of_scope);
  key += ':';
  domain::append_integer(key, target.index);
  key += '?';
  values.append_canonical(key);
  return key;
}

void response_cache::advance_scopes(cache_namespace ns, const services::touched& ids) {
  scopes_.advance(scope_generations::slot_of(ns, scope_kind::unscoped, 0));
  if (ids.restaurant > 0) scopes_.advance(scope_generations::slot_of(ns, scope_kind::restaurant, ids.restaurant));
  if (ids.customer > 0) scopes_.advance(scope_generations::slot_of(ns, scope_kind::customer, ids.customer));
  if (ids.order > 0) scopes_.advance(scope_generations::slot_of(ns, scope_kind::order, ids.order));
}

std::optional<cache_namespace> response_cache::namespace_of(std::string_view key) const {
  const auto ns_end = key.find(':');
  if (ns_end == std::string::npos) return std::nullopt;
  const auto generation_end = key.find(':', ns_end + 1);
  if (generation_end == std::string::npos) return std::nullopt;
  const auto scope_end = key.find(':', generation_end + 1);
  const auto dot = key.find('.', generation_end + 1);
  if (scope_end == std::string::npos || dot > scope_end) return std::nullopt;
  const auto ns = namespace_named(key.substr(0, ns_end));
  if (!ns) return std::nullopt;
  const auto generation = std::to_string(generations_[index_of(*ns)].load());
  if (key.substr(ns_end + 1, generation_end - ns_end - 1) != generation) return std::nullopt;
  std::size_t slot = 0;
  for (auto i = generation_end + 1; i < dot; ++i) {
    if (key[i] < '0' || key[i] > '9') return std::nullopt;
    slot = slot * 10 + static_cast<std::size_t>(key[i] - '0');
    if (slot >= scope_generations::slot_count) return std::nullopt;
  }
  if (dot == generation_end + 1) return std::nullopt;
  const auto scope_generation = std::to_string(scopes_.current(slot));
  if (key.substr(dot + 1, scope_end - dot - 1) != scope_generation) return std::nullopt;
  return ns;
}

http::response response_cache::serve(const http::request& req, const http::route& target, const http::params& values,
                                     const std::function<http::response()>& produce) {
  const auto ns = namespace_named(target.cache.ns);
  if (!ns || (!settings_.memory_enabled && !redis_)) return produce();
  const auto slot = index_of(*ns);
  if (http::has_directive(req.cache_control, "no-store")) {
    auto fresh = produce();
    fresh.headers.emplace_back("x-cache-status", "MISS");
    return fresh;
  }
  const auto ttl = target.cache.ttl_seconds > 0 ? std::chrono::seconds(target.cache.ttl_seconds) : ttl_for(*ns);
  const auto memory_ttl = redis_ ? std::min(ttl, settings_.memory_ttl_with_redis) : ttl;
  const auto seen = generations_for(*ns, target, values);
  const auto key = key_for(*ns, seen, target, values);

  if (!http::has_directive(req.cache_control, "no-cache")) {
    if (settings_.memory_enabled) {
      if (auto found = memory_.get(key)) {
        ++hits_[slot];
        return answer(req, std::move(found), "HIT");
      }
    }
    if (redis_ && !req.remote_cache_missed) {
      if (auto remote = redis_->get(redis_prefix_ + key)) {
        if (settings_.memory_enabled) memory_.put(key, *remote, memory_ttl);
        ++hits_[slot];
        return answer(req, std::move(*remote), "HIT");
      }
    }
  }
  ++misses_[slot];
  auto fresh = produce();
  if (fresh.status != 200 || !fresh.cacheable) {
    fresh.headers.emplace_back("x-cache-status", "MISS");
    return fresh;
  }
  std::string request_target(req.path);
  if (!req.query.empty()) request_target += "?" + std::string(req.query);
  auto etag = etag_of(fresh.body);
  entry stored{std::move(fresh.body), std::move(etag), std::move(request_target)};
  if (still_current(*ns, seen)) {
    if (settings_.memory_enabled) memory_.put(key, stored, memory_ttl);
    if (redis_) redis_->put(redis_prefix_ + key, stored, ttl);
  }
  return answer(req, std::move(stored), "MISS");
}

std::optional<response_cache::remote_read> response_cache::remote_read_of(const http::request& req,
                                                                          const http::route& target,
                                                                          const http::params& values) const {
  const auto ns = namespace_named(target.cache.ns);
  if (!ns || !redis_ || settings_.memory_enabled) return std::nullopt;
  if (http::has_directive(req.cache_control, "no-store") || http::has_directive(req.cache_control, "no-cache")) {
    return std::nullopt;
  }
  return remote_read{*ns, redis_prefix_ + key_for(*ns, generations_for(*ns, target, values), target, values)};
}

http::response response_cache::answer_found(const http::request& req, const remote_read& read, entry found) {
  ++hits_[index_of(read.ns)];
  return answer(req, std::move(found), "HIT");
}

void response_cache::changed(services::change what, const services::touched& ids) {
  const bool confined = confined_to_touched(what);
  for (auto ns : namespaces_changed_by(what)) {
    if (confined) {
      advance_scopes(ns, ids);
    } else {
      ++generations_[index_of(ns)];
    }
  }
}

void response_cache::clear(cache_namespace ns) { ++generations_[index_of(ns)]; }

void response_cache::clear_all() {
  for (auto ns : all_namespaces) clear(ns);
  memory_.clear();
}

std::int64_t response_cache::remove_stale() {
  std::int64_t removed = static_cast<std::int64_t>(
      memory_.sweep([this](const memory_backend::visit& v) { return v.expired || !is_current(v.key); }));
  if (redis_) {
    removed += redis_->unlink_if(settings_.prefix + ":*", [this](const std::string& key) {
      return key.compare(0, redis_prefix_.size(), redis_prefix_) != 0 ||
             !is_current(std::string_view(key).substr(redis_prefix_.size()));
    });
  }
  return removed;
}

std::vector<namespace_figures> response_cache::figures() {
  std::vector<namespace_figures> all;
  for (auto ns : all_namespaces) {
    namespace_figures f;
    f.ns = ns;
    f.hits = hits_[index_of(ns)].load();
    f.misses = misses_[index_of(ns)].load();
    f.ttl = ttl_for(ns);
    all.push_back(f);
  }
  memory_.inspect([&](const memory_backend::visit& v) {
    const auto ns = namespace_of(v.key);
    if (v.expired || !ns) return;
    auto& f = all[index_of(*ns)];
    ++f.memory_keys;
    f.memory_bytes += static_cast<std::int64_t>(v.bytes);
    f.memory_body_bytes += static_cast<std::int64_t>(v.value.body().size());
  });
  if (redis_) {
    for (auto& f : all) {
      const auto stats = redis_->scan_stats(redis_prefix_ + generation_prefix(f.ns) + "*");
      f.redis_keys = stats.keys;
      f.redis_bytes = stats.bytes;
      f.redis_value_bytes = stats.value_bytes;
    }
  }
  return all;
}

std::vector<popular_entry> response_cache::most_used(std::size_t limit) const {
  std::vector<popular_entry> used;
  memory_.inspect([&](const memory_backend::visit& v) {
    if (!v.expired && v.uses > 0 && is_current(v.key)) used.push_back({std::string(v.value.target()), v.uses});
  });
  std::sort(used.begin(), used.end(), [](const popular_entry& a, const popular_entry& b) { return a.uses > b.uses; });
  if (used.size() > limit) used.resize(limit);
  return used;
}

std::vector<std::string> response_cache::expiring(cache_namespace ns, double fraction) const {
  std::vector<std::string> targets;
  memory_.inspect([&](const memory_backend::visit& v) {
    if (v.expired || v.uses == 0 || namespace_of(v.key) != ns) return;
    if (v.remaining < std::chrono::duration_cast<memory_backend::clock::duration>(v.ttl * fraction)) {
      targets.emplace_back(v.value.target());
    }
  });
  return targets;
}

std::uint64_t response_cache::total_hits() const {
  std::uint64_t total = 0;
  for (const auto& count : hits_) total += count.load();
  return total;
}

std::uint64_t response_cache::total_misses() const {
  std::uint64_t total = 0;
  for (const auto& count : misses_) total += count.load();
  return total;
}

}  // namespace zomato::cache
