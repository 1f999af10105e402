#include "cache/response_cache.hpp"

#include <algorithm>

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

}  // namespace

response_cache::response_cache(cache_settings settings) : settings_(std::move(settings)), store_(settings_) {}

key_generations response_cache::generations_for(cache_namespace ns, const http::route& target,
                                                const http::params& values) const {
  const auto kind = scope_kind_of_param(target.cache.scope);
  return generations_.of_entry(ns, kind, kind ? values.integer(target.cache.scope) : 0);
}

std::optional<cache_namespace> response_cache::namespace_of(std::string_view key) const {
  const auto parts = parts_of(key);
  if (!parts) return std::nullopt;
  if (parts->namespace_generation != std::to_string(generations_.of_namespace(parts->ns))) return std::nullopt;
  if (parts->scope_generation != std::to_string(generations_.of_scope(parts->scope_slot))) return std::nullopt;
  return parts->ns;
}

http::response response_cache::serve(const http::request& req, const http::route& target, const http::params& values,
                                     const std::function<http::response()>& produce) {
  const auto ns = namespace_of_rule(target.cache);
  if (!ns || !store_.enabled()) return produce();
  if (http::has_directive(req.cache_control, "no-store")) {
    auto fresh = produce();
    fresh.headers.emplace_back("x-cache-status", "MISS");
    return fresh;
  }
  const auto ttl = target.cache.ttl_seconds > 0 ? std::chrono::seconds(target.cache.ttl_seconds) : ttl_for(*ns);
  const auto seen = generations_for(*ns, target, values);
  const auto key = key_of(*ns, seen, target.index, values);

  if (!http::has_directive(req.cache_control, "no-cache")) {
    if (auto found = store_.from_memory(key)) {
      statistics_.hit(*ns);
      return answer(req, std::move(found), "HIT");
    }
    if (!req.fast_path_tried) {
      if (auto remote = store_.from_remote(key, ttl)) {
        statistics_.hit(*ns);
        return answer(req, std::move(*remote), "HIT");
      }
    }
  }
  statistics_.miss(*ns);
  auto fresh = produce();
  if (fresh.status != 200 || !fresh.cacheable) {
    fresh.headers.emplace_back("x-cache-status", "MISS");
    return fresh;
  }
  std::string request_target(req.path);
  if (!req.query.empty()) request_target += "?" + std::string(req.query);
  auto etag = etag_of(fresh.body);
  entry stored{std::move(fresh.body), std::move(etag), std::move(request_target)};
  if (generations_.still_current(*ns, seen)) store_.put(key, stored, ttl);
  return answer(req, std::move(stored), "MISS");
}

std::optional<response_cache::remote_read> response_cache::remote_read_of(const http::request& req,
                                                                          const http::route& target,
                                                                          const http::params& values) const {
  const auto ns = namespace_of_rule(target.cache);
  if (!ns || !store_.remote_only()) return std::nullopt;
  if (http::has_directive(req.cache_control, "no-store") || http::has_directive(req.cache_control, "no-cache")) {
    return std::nullopt;
  }
  return remote_read{*ns, store_.remote_key(key_of(*ns, generations_for(*ns, target, values), target.index, values))};
}

http::response response_cache::answer_found(const http::request& req, const remote_read& read, entry found) {
  statistics_.hit(read.ns);
  return answer(req, std::move(found), "HIT");
}

void response_cache::changed(services::change what, const services::touched& ids) {
  const bool confined = confined_to_touched(what);
  for (auto ns : namespaces_changed_by(what)) {
    if (confined) {
      generations_.advance_scopes(ns, ids);
    } else {
      generations_.advance(ns);
    }
  }
}

void response_cache::clear(cache_namespace ns) { generations_.advance(ns); }

void response_cache::clear_all() {
  for (auto ns : all_namespaces) clear(ns);
  store_.clear_memory();
}

std::int64_t response_cache::remove_stale() {
  return store_.remove_if([this](std::string_view key) { return !is_current(key); });
}

std::vector<namespace_figures> response_cache::figures() {
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
  if (store_.redis()) {
    for (auto ns : all_namespaces) {
      auto& f = all[static_cast<std::size_t>(ns)];
      const auto stats = store_.remote_stats(generation_prefix(ns, generations_.of_namespace(ns)));
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
  store_.inspect_memory([&](const memory_backend::visit& v) {
    if (v.expired || v.uses == 0 || namespace_of(v.key) != ns) return;
    if (v.remaining < std::chrono::duration_cast<memory_backend::clock::duration>(v.ttl * fraction)) {
      targets.emplace_back(v.value.target());
    }
  });
  return targets;
}

}  // namespace zomato::cache
