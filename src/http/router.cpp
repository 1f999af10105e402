#include "http/router.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "http/media_type.hpp"
#include "http/responses.hpp"

namespace zomato::http {
namespace {

bool is_param(std::string_view segment) { return segment.size() > 2 && segment.front() == '{'; }

std::string_view param_name(std::string_view segment) { return segment.substr(1, segment.size() - 2); }

// Literal segments sort before parameters, position by position.
bool more_specific(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    const bool a_param = is_param(a[i]);
    const bool b_param = is_param(b[i]);
    if (a_param != b_param) return !a_param;
  }
  return false;
}

// A route takes a JSON body when its documentation names the body's component.
bool takes_body(const route& target) { return !target.doc.request_schema.empty(); }

constexpr std::array restricted_roles{domain::role::customer, domain::role::restaurant};

bool declares(const route& target, std::string_view name) {
  return std::any_of(target.params.begin(), target.params.end(),
                     [&](const param_spec& spec) { return spec.name == name; });
}

response not_authenticated() {
  auto out = detail(401, "Not authenticated");
  out.headers.emplace_back("www-authenticate", "Bearer");
  return out;
}

}  // namespace

route admin_only(route entry) { return callable_by(access::operational, std::move(entry)); }

route callable_by(access who, route entry) {
  entry.who = who;
  return entry;
}

bool answer_depends_on_caller(const route& target) {
  return target.who != access::anyone &&
         std::any_of(restricted_roles.begin(), restricted_roles.end(),
                     [&](domain::role as) { return admits(target.who, as) && !declares(target, owner_param(as)); });
}

path_segments::path_segments(std::string_view path) {
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    if (count_ == capacity) {
      too_long_ = true;
      return;
    }
    const auto slash = path.find('/');
    items_[count_++] = path.substr(0, slash);
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash);
  }
}

void router::add(route entry) {
  const path_segments parts(entry.pattern);
  if (parts.too_long()) throw std::logic_error("route " + entry.pattern + " has too many segments");
  compiled shape{{}, routes_.size()};
  for (auto part : parts) {
    if (is_param(part)) {
      const auto name = param_name(part);
      const bool declared = std::any_of(entry.params.begin(), entry.params.end(), [&](const param_spec& spec) {
        return spec.place == param_place::path && spec.name == name;
      });
      if (!declared) throw std::logic_error("route " + entry.pattern + " does not declare {" + std::string(name) + "}");
    }
    shape.segments.emplace_back(part);
  }
  const auto& scope = entry.cache.scope;
  if (!scope.empty() && std::none_of(entry.params.begin(), entry.params.end(),
                                     [&](const param_spec& spec) { return spec.name == scope; })) {
    throw std::logic_error("route " + entry.pattern + " scopes its cache by undeclared " + scope);
  }
  if (by_length_.size() <= shape.segments.size()) by_length_.resize(shape.segments.size() + 1);
  auto& same_length = by_length_[shape.segments.size()];
  const auto& first = shape.segments.empty() ? std::string() : shape.segments.front();
  auto& order = first.empty() || is_param(first) ? same_length.others : same_length.by_first[first];
  entry.index = routes_.size();
  routes_.push_back(std::move(entry));
  order.insert(
      std::upper_bound(order.begin(), order.end(), shape,
                       [](const compiled& a, const compiled& b) { return more_specific(a.segments, b.segments); }),
      std::move(shape));
}

std::array<std::span<const router::compiled>, 2> router::candidates(const path_segments& parts) const {
  if (parts.too_long() || parts.size() >= by_length_.size()) return {};
  const auto& same_length = by_length_[parts.size()];
  std::span<const compiled> literal_first;
  if (!parts.empty()) {
    const auto found = same_length.by_first.find(parts[0]);
    if (found != same_length.by_first.end()) literal_first = found->second;
  }
  return {literal_first, same_length.others};
}

bool router::matches(const compiled& candidate, const path_segments& parts) {
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!is_param(candidate.segments[i]) && candidate.segments[i] != parts[i]) return false;
  }
  return true;
}

const router::compiled* router::match(const path_segments& parts, verb method, bool& path_known) const {
  for (const auto group : candidates(parts)) {
    for (const auto& candidate : group) {
      if (!matches(candidate, parts)) continue;
      path_known = true;
      const auto served = routes_[candidate.index].method;
      if (served == method || (method == verb::head && served == verb::get)) return &candidate;
    }
  }
  return nullptr;
}

std::string router::methods_of(const path_segments& parts) const {
  std::array<bool, 8> served{};
  for (const auto group : candidates(parts)) {
    for (const auto& candidate : group) {
      if (matches(candidate, parts)) served[static_cast<std::size_t>(routes_[candidate.index].method)] = true;
    }
  }
  served[static_cast<std::size_t>(verb::head)] = served[static_cast<std::size_t>(verb::get)];
  std::string allowed;
  for (auto method : {verb::get, verb::head, verb::post, verb::put, verb::patch, verb::delete_, verb::options}) {
    if (!served[static_cast<std::size_t>(method)]) continue;
    if (!allowed.empty()) allowed += ", ";
    allowed += verb_name(method);
  }
  return allowed;
}

bool router::guards(const route& target) const {
  if (policy_.tokens) return target.who != access::anyone;
  return target.who == access::operational && !policy_.admin_token.empty();
}

std::optional<response> router::refusal(const request& req, const route& target, domain::principal& caller) const {
  const auto who = req.internal ? domain::principal{domain::role::admin, 0} : caller_of(policy_, req.authorization);
  if (guards(target)) {
    if (!who || who->as == domain::role::anyone) return not_authenticated();
    if (!admits(target.who, who->as)) return detail(403, "Not enough permissions");
  }
  caller = who.value_or(domain::principal{});
  if (takes_body(target) && (!req.body.empty() || !req.content_type.empty()) && !is_json_media_type(req.content_type)) {
    return detail(415, "Unsupported Media Type: send the body as application/json");
  }
  return std::nullopt;
}

void router::decorate(const request& req, response& answer) const {
  if (cors_) cors_->decorate(req, answer);
}

resolution router::resolve(const request& req) const {
  resolution out;
  const path_segments parts(req.path);
  bool path_known = false;
  const auto* candidate = match(parts, req.method, path_known);
  if (!candidate) {
    if (!path_known) {
      out.failure = detail(404, "Not Found");
    } else if (cors_ && req.method == verb::options && !req.cors_request_method.empty()) {
      out.failure = cors_->preflight(req, methods_of(parts));
    } else {
      out.failure = detail(405, "Method Not Allowed");
      out.failure.headers.emplace_back("allow", methods_of(parts));
    }
    return out;
  }
  const route& target = routes_[candidate->index];
  out.matched = &target;
  domain::principal caller;
  if (auto refused = refusal(req, target, caller)) {
    out.failure = std::move(*refused);
    return out;
  }
  const query_pairs query(req.query);
  out.values.reserve(target.params.size());
  problems found;
  for (const auto& spec : target.params) {
    if (spec.place == param_place::header) continue;
    std::optional<std::string> raw;
    if (spec.place == param_place::path) {
      for (std::size_t i = 0; i < parts.size(); ++i) {
        if (is_param(candidate->segments[i]) && param_name(candidate->segments[i]) == spec.name) {
          raw = percent_decode(parts[i], false);
        }
      }
    } else {
      raw = query.last(spec.name);
    }
    if (auto value = parse_param(spec, raw, found)) out.values.set(spec.name, std::move(*value));
  }
  if (!found.empty()) {
    out.failure = unprocessable(found);
    return out;
  }
  if (const auto owner = owner_param(caller.as);
      guards(target) && !owner.empty() && declares(target, owner) && out.values.integer(owner) != caller.id) {
    out.failure = detail(404, std::string(missing_owner_detail(caller.as)));
    return out;
  }
  out.values.set_caller(caller);
  out.target = &target;
  return out;
}

response router::dispatch(const request& req) const {
  const auto resolved = resolve(req);
  if (!resolved.target) return resolved.failure;
  const route& target = *resolved.target;
  if (cache_ && target.cache.cached()) {
    return cache_->serve(req, target, resolved.values, [&] { return target.run(req, resolved.values); });
  }
  return target.run(req, resolved.values);
}

}  // namespace zomato::http
