#include "api/cache_warmer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <map>

#include <nlohmann/json.hpp>

#include "cache/invalidation_map.hpp"
#include "cache/route_rules.hpp"

namespace zomato::api {
namespace {

// The values a text path parameter is warmed with: those its route accepts.
const std::map<std::string, std::vector<std::string>, std::less<>>& known_values() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> values{
      {"dietary_type", {"vegetarian", "vegan", "gluten-free"}}};
  return values;
}

std::string placeholder(std::string_view param) { return "{" + std::string(param) + "}"; }

std::string filled(std::string pattern, std::string_view param, std::string_view value) {
  const auto at = pattern.find(placeholder(param));
  return pattern.replace(at, param.size() + 2, value);
}

bool is_get(const http::route& r, std::string_view pattern) {
  return r.method == http::verb::get && r.pattern == pattern;
}

// The list that names the ids of `param`: "/x/" when "/x/{param}" and "/x/" are GET routes.
std::string list_of(const std::vector<http::route>& routes, std::string_view param) {
  const auto suffix = placeholder(param);
  for (const auto& r : routes) {
    if (r.method != http::verb::get || r.pattern.size() <= suffix.size()) continue;
    if (r.pattern.compare(r.pattern.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    auto list = r.pattern.substr(0, r.pattern.size() - suffix.size());
    if (std::any_of(routes.begin(), routes.end(), [&](const http::route& other) { return is_get(other, list); })) {
      return list;
    }
  }
  return {};
}

void add_pattern(warm_plan& plan, std::string list, const std::string& param, const std::string& pattern) {
  for (auto& by : plan.per_list) {
    if (by.list == list && by.param == param) {
      by.patterns.push_back(pattern);
      return;
    }
  }
  plan.per_list.push_back({std::move(list), param, {pattern}});
}

}  // namespace

std::vector<std::string> restaurant_views(const std::vector<std::int64_t>& ids) {
  std::vector<std::string> targets;
  for (const auto id : ids) {
    const auto base = "/restaurants/" + std::to_string(id);
    for (const char* view : {"", "/with-menu", "/menu"}) targets.push_back(base + view);
  }
  return targets;
}

double elapsed_ms(std::chrono::steady_clock::time_point started) {
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return std::round(ms * 1000.0) / 1000.0;
}

warm_plan warm_plan_of(const std::vector<http::route>& routes, cache::cache_namespace ns) {
  warm_plan plan;
  for (const auto& r : routes) {
    if (r.method != http::verb::get || cache::namespace_of_rule(r.cache) != ns) continue;
    std::vector<const http::param_spec*> in_path;
    bool needs_query = false;
    for (const auto& spec : r.params) {
      if (spec.place == http::param_place::path) in_path.push_back(&spec);
      if (spec.place == http::param_place::query && spec.required) needs_query = true;
    }
    if (needs_query || in_path.size() > 1) continue;
    if (in_path.empty()) {
      plan.targets.push_back(r.pattern);
      continue;
    }
    const auto& param = *in_path.front();
    if (param.kind == http::param_kind::integer) {
      auto list = list_of(routes, param.name);
      if (!list.empty()) add_pattern(plan, std::move(list), param.name, r.pattern);
    } else if (const auto known = known_values().find(param.name); known != known_values().end()) {
      for (const auto& value : known->second) plan.targets.push_back(filled(r.pattern, param.name, value));
    }
  }
  return plan;
}

std::vector<std::int64_t> cache_warmer::ids_from(std::string_view path, std::size_t limit) {
  std::vector<std::int64_t> ids;
  const auto reply = get_(path, "skip=0&limit=" + std::to_string(limit), "");
  if (reply.status != 200) return ids;
  const auto document = nlohmann::json::parse(reply.payload(), nullptr, false);
  if (!document.is_object()) return ids;
  for (const auto& member : document) {
    if (!member.is_array()) continue;
    for (const auto& row : member) {
      if (row.is_object()) ids.push_back(row.value("id", std::int64_t{0}));
    }
    break;
  }
  return ids;
}

std::vector<std::string> cache_warmer::targets_of(const warm_plan& plan, std::size_t limit) {
  auto targets = plan.targets;
  for (const auto& by : plan.per_list) {
    for (const auto id : ids_from(by.list, limit)) {
      for (const auto& pattern : by.patterns) targets.push_back(filled(pattern, by.param, std::to_string(id)));
    }
  }
  return targets;
}

void write_through(const internal_get& get, const services::write_context::told& changes) {
  std::vector<std::string> targets;
  for (const auto& [what, ids] : changes) {
    for (auto& target : cache::written_through(what, ids)) {
      if (std::find(targets.begin(), targets.end(), target) == targets.end()) targets.push_back(std::move(target));
    }
  }
  for (const auto& target : targets) {
    try {
      get(target, {}, "no-cache");
    } catch (const std::exception& error) {
      std::fprintf(stderr, "warning: write-through of %s failed: %s\n", target.c_str(), error.what());
    } catch (...) {
      std::fprintf(stderr, "warning: write-through of %s failed\n", target.c_str());
    }
  }
}

warm_step cache_warmer::warm(const std::string& type, const std::vector<std::string>& targets) {
  warm_step step{type, 0, 0.0};
  const auto started = std::chrono::steady_clock::now();
  for (const auto& target : targets) {
    const auto question = target.find('?');
    const std::string_view whole(target);
    const auto path = whole.substr(0, question);
    const auto query = question == std::string::npos ? std::string_view{} : whole.substr(question + 1);
    if (get_(path, query, "no-cache").status == 200) ++step.count;
  }
  step.time_ms = elapsed_ms(started);
  return step;
}

}  // namespace zomato::api
