#include "api/openapi.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <set>
#include <stdexcept>

#include "api/service_routes.hpp"
#include "cache/route_rules.hpp"
#include "http/json_writer.hpp"
#include "limits/bucket_kind.hpp"

namespace zomato::api {
namespace {

using http::json_writer;
using schemas::shape;

const std::string ref_prefix = "#/components/schemas/";
/// The security scheme of every route that needs a token.
constexpr std::string_view bearer_scheme = "bearerAuth";

/// Who may call a route of this access, as its description says it.
std::string_view callers_of(http::access who) {
  switch (who) {
    case http::access::anyone: return "";
    case http::access::customer:
      return " With `AUTH_MODE=jwt`: the customer it is about (a `customer` token), or an admin.";
    case http::access::restaurant:
      return " With `AUTH_MODE=jwt`: the restaurant it is about (a `restaurant` token), or an admin.";
    case http::access::party:
      return " With `AUTH_MODE=jwt`: the order's customer (who may only cancel it) or restaurant, or an admin; "
             "another's order is 404.";
    case http::access::admin: return " With `AUTH_MODE=jwt`: admins only.";
    case http::access::operational:
      return " Admins only: with `AUTH_MODE=jwt` an `admin` token, and when the server's `ADMIN_TOKEN` is set "
             "(in any mode) `Authorization: Bearer <ADMIN_TOKEN>`.";
  }
  return "";
}

std::string_view type_of(schemas::field_kind kind) {
  switch (kind) {
    case schemas::field_kind::number:
    case schemas::field_kind::money: return "number";
    case schemas::field_kind::integer: return "integer";
    case schemas::field_kind::boolean: return "boolean";
    case schemas::field_kind::object_list: return "array";
    default: return "string";
  }
}

/// The format or pattern the body's text takes. Times of day and timestamps carry no zone, so
/// the JSON Schema formats "time" and "date-time" (which require one) would refuse them.
void write_text_form(json_writer& out, schemas::field_kind kind) {
  switch (kind) {
    case schemas::field_kind::time_of_day: out.field("pattern", "^\\d{2}:\\d{2}(:\\d{2})?$"); break;
    case schemas::field_kind::email: out.field("format", "email"); break;
    default: break;
  }
}

std::string_view operation_key(http::verb method) {
  switch (method) {
    case http::verb::get: return "get";
    case http::verb::post: return "post";
    case http::verb::put: return "put";
    case http::verb::delete_: return "delete";
    case http::verb::patch: return "patch";
    case http::verb::head: return "head";
    case http::verb::options: return "options";
    case http::verb::other: break;
  }
  return "x-other";
}

void write_ref(json_writer& out, const std::string& component) {
  out.begin_object().field("$ref", ref_prefix + component).end_object();
}

void write_choices(json_writer& out, const std::vector<std::string>& choices) {
  if (choices.empty()) return;
  out.key("enum").begin_array();
  for (const auto& choice : choices) out.value(choice);
  out.end_array();
}

void write_shape(json_writer& out, const shape& s) {
  using kind = shape::kind;
  if (s.type == kind::component && !s.nullable) {
    write_ref(out, s.component);
    return;
  }
  out.begin_object();
  switch (s.type) {
    case kind::component:
      out.key("allOf").begin_array();
      write_ref(out, s.component);
      out.end_array();
      break;
    case kind::string:
      out.field("type", "string");
      if (!s.format.empty()) out.field("format", s.format);
      if (!s.pattern.empty()) out.field("pattern", s.pattern);
      write_choices(out, s.choices);
      break;
    case kind::integer: out.field("type", "integer"); break;
    case kind::number: out.field("type", "number"); break;
    case kind::boolean: out.field("type", "boolean"); break;
    case kind::object: {
      out.field("type", "object").key("properties").begin_object();
      for (const auto& f : s.fields) {
        out.key_text(f.name);
        write_shape(out, f.value);
      }
      out.end_object();
      std::vector<std::string_view> present;
      for (const auto& f : s.fields) {
        if (f.always) present.push_back(f.name);
      }
      if (!present.empty()) {
        out.key("required").begin_array();
        for (const auto name : present) out.value(name);
        out.end_array();
      }
      break;
    }
    case kind::array:
      out.field("type", "array").key("items");
      write_shape(out, s.element.front());
      break;
    case kind::map:
      out.field("type", "object").key("additionalProperties");
      write_shape(out, s.element.front());
      break;
    case kind::one_of:
      out.key("oneOf").begin_array();
      for (const auto& form : s.element) write_shape(out, form);
      out.end_array();
      break;
    case kind::any: break;
  }
  if (s.nullable && s.type != kind::any) out.field("nullable", true);
  if (!s.description.empty()) out.field("description", s.description);
  out.end_object();
}

/// An integer parameter's default when it lies within its bounds (one outside them, such as 0 for
/// an optional id of at least 1, only means "not sent" and is not documented).
std::optional<std::int64_t> default_of(const http::param_spec& spec) {
  const auto* fallback = std::get_if<std::int64_t>(&spec.fallback);
  if (!fallback || *fallback < spec.minimum || *fallback > spec.maximum) return std::nullopt;
  return *fallback;
}

/// The example of a path or query parameter: its own, else one its kind and bounds imply.
void write_param_example(json_writer& out, const http::param_spec& spec) {
  out.key("example");
  switch (spec.kind) {
    case http::param_kind::integer: {
      if (spec.place == http::param_place::path) {
        out.value(std::int64_t{1});
        break;
      }
      if (const auto fallback = default_of(spec)) {
        out.value(*fallback);
      } else {
        out.value(std::clamp(std::int64_t{1}, spec.minimum, spec.maximum));
      }
      break;
    }
    case http::param_kind::boolean: out.value(true); break;
    case http::param_kind::choice: out.value(spec.choices.front()); break;
    case http::param_kind::string:
    case http::param_kind::time_bound: out.value(spec.example); break;
  }
}

std::string_view place_name(http::param_place place) {
  switch (place) {
    case http::param_place::path: return "path";
    case http::param_place::query: return "query";
    case http::param_place::header: return "header";
  }
  return "query";
}

void write_param(json_writer& out, const http::param_spec& spec) {
  out.begin_object().field("name", spec.name).field("in", place_name(spec.place)).field("required", spec.required);
  if (!spec.description.empty()) out.field("description", spec.description);
  out.key("schema").begin_object();
  switch (spec.kind) {
    case http::param_kind::integer:
      out.field("type", "integer");
      if (spec.minimum != std::numeric_limits<std::int64_t>::min()) out.field("minimum", spec.minimum);
      if (spec.maximum != std::numeric_limits<std::int64_t>::max()) out.field("maximum", spec.maximum);
      if (const auto fallback = default_of(spec)) out.field("default", *fallback);
      break;
    case http::param_kind::boolean: out.field("type", "boolean"); break;
    case http::param_kind::string:
    case http::param_kind::choice:
      out.field("type", "string");
      write_choices(out, spec.choices);
      break;
    case http::param_kind::time_bound:
      out.key("anyOf").begin_array();
      for (const char* format : {"date-time", "date"}) {
        out.begin_object().field("type", "string").field("format", format).end_object();
      }
      out.end_array();
      break;
  }
  out.end_object();
  write_param_example(out, spec);
  out.end_object();
}

std::string_view failure_description(int status, const http::route& r) {
  switch (status) {
    case 400: return "Refused by a business rule";
    case 401: return "Not authenticated: no valid bearer token (AUTH_MODE=jwt, or ADMIN_TOKEN on an operational route)";
    case 403: return "Not enough permissions: the token's role may not do this";
    case 404: return "Not found";
    case 409: return "Conflicts with the current state";
    case 413: return "Request body too large";
    case 415: return "Unsupported Media Type: the body must be sent as application/json";
    case 422: return "Validation Error";
    case 429:
      return limits::bucket_of(r.method) == limits::bucket_kind::writes
                 ? "Too Many Requests: this client's writes are past RATE_LIMIT_WRITES; retry after Retry-After "
                   "seconds"
                 : "Too Many Requests: this client's reads that the cache did not answer are past RATE_LIMIT_READS; "
                   "retry after Retry-After seconds";
    case 503: return "Busy, or a dependency is failing: retry after Retry-After seconds";
    default: return "Failure";
  }
}

/// Every failure the route can answer and the component of its body: those every route of its
/// kind gives, then the route's own.
std::map<int, std::string> failures_of(const http::route& r) {
  std::map<int, std::string> failures;
  for (const auto& spec : r.params) {
    if (spec.place == http::param_place::path && spec.kind == http::param_kind::integer) failures[404] = "HTTPError";
  }
  if (r.who != http::access::anyone) failures[401] = failures[403] = "HTTPError";
  if (!r.doc.request_schema.empty()) {
    failures[413] = "HTTPError";
    failures[415] = "HTTPError";
  }
  if (!r.params.empty() || !r.doc.request_schema.empty()) failures[422] = "HTTPValidationError";
  if (limits::bucket_of(r.method)) failures[429] = "HTTPError";
  failures[503] = "HTTPError";
  for (const auto& f : r.doc.failures) failures[f.status] = f.schema;
  return failures;
}

/// What the summary does not say: how the route is cached and where its work runs.
std::string description_of(const http::route& r) {
  std::string text = r.doc.summary + ".";
  if (const auto ns = cache::namespace_of_rule(r.cache)) {
    text += " Cached in the `" + std::string(cache::name_of(*ns)) + "` namespace";
    if (r.cache.ttl_seconds > 0) text += " for " + std::to_string(r.cache.ttl_seconds) + " s";
    text += "; answers carry `ETag` and `X-Cache-Status`.";
  }
  switch (r.work) {
    case http::work_kind::local: text += " Served on the event loop."; break;
    case http::work_kind::quick: text += " Served on the event loop (on the read pool with PostgreSQL)."; break;
    case http::work_kind::slow: text += " Runs on the read pool."; break;
  }
  text += callers_of(r.who);
  return text;
}

/// The path as documented: without a trailing slash, which the router ignores.
std::string documented_path(const std::string& pattern) {
  if (pattern.size() > 1 && pattern.back() == '/') return pattern.substr(0, pattern.size() - 1);
  return pattern;
}

class document_writer {
 public:
  document_writer(json_writer& out, const openapi_components& components) : out_(out), components_(components) {
    for (const auto& [name, description] : components.tags()) tags_.insert(name);
  }

  void operation(const http::route& r) {
    require(r.doc.request_schema, r);
    require(r.doc.response_schema, r);
    if (!tags_.count(r.doc.tag)) throw std::logic_error("undeclared tag " + r.doc.tag + " in " + r.pattern);
    if (r.doc.operation_id.empty() || !operation_ids_.insert(r.doc.operation_id).second) {
      throw std::logic_error("missing or repeated operationId in " + r.pattern);
    }
    out_.key_text(operation_key(r.method));
    out_.begin_object().key("tags").begin_array().value(r.doc.tag).end_array();
    out_.field("summary", r.doc.summary).field("description", description_of(r));
    out_.field("operationId", r.doc.operation_id);
    out_.key("parameters").begin_array();
    for (const auto& spec : r.params) write_param(out_, spec);
    out_.end_array();
    if (!r.doc.request_schema.empty()) request_body(r.doc.request_schema);
    out_.key("security").begin_array();
    if (r.who != http::access::anyone) {
      out_.begin_object().key_text(bearer_scheme).begin_array().end_array().end_object();
    }
    out_.end_array();
    out_.key("responses").begin_object();
    out_.key_text(std::to_string(r.doc.success_status)).begin_object();
    out_.field("description", r.doc.success_status == 204 ? "Done; no body" : "Successful Response");
    if (!r.doc.response_schema.empty()) content(r.doc.response_schema);
    out_.end_object();
    for (const auto& [status, schema] : failures_of(r)) {
      require(schema, r);
      out_.key_text(std::to_string(status)).begin_object().field("description", failure_description(status, r));
      if (status == 503 || status == 429) header("Retry-After", "Seconds to wait before trying again", "integer");
      if (status == 401) header("WWW-Authenticate", "Bearer", "string");
      content(schema);
      out_.end_object();
    }
    out_.end_object().end_object();
  }

 private:
  void require(const std::string& name, const http::route& r) const {
    if (!name.empty() && !components_.schemas().count(name)) {
      throw std::logic_error("undocumented schema " + name + " in " + r.pattern);
    }
  }

  void header(std::string_view name, std::string_view description, std::string_view type) {
    out_.key("headers").begin_object().key_text(name).begin_object();
    out_.field("description", description);
    out_.key("schema").begin_object().field("type", type).end_object().end_object().end_object();
  }

  void content(const std::string& name) {
    const auto& found = components_.schemas().at(name);
    out_.key("content").begin_object().key_text(found.media_type).begin_object().key("schema");
    write_ref(out_, name);
    if (!found.example.empty()) out_.key("example").raw(found.example);
    out_.end_object().end_object();
  }

  void request_body(const std::string& name) {
    out_.key("requestBody").begin_object().field("required", true);
    content(name);
    out_.end_object();
  }

  json_writer& out_;
  const openapi_components& components_;
  std::set<std::string> tags_;
  std::set<std::string> operation_ids_;
};

}  // namespace

void openapi_components::body(const std::string& name, const std::vector<schemas::field_rule>& rules,
                              schemas::body_mode mode) {
  json_writer out;
  json_writer example;
  example.begin_object();
  out.begin_object().field("type", "object").key("properties").begin_object();
  for (const auto& rule : rules) {
    out.key_text(rule.name).begin_object().field("type", type_of(rule.kind));
    if (rule.nullable) out.field("nullable", true);
    write_text_form(out, rule.kind);
    if (rule.min_length > 0 && rule.kind != schemas::field_kind::object_list)
      out.field("minLength", static_cast<std::int64_t>(rule.min_length));
    if (rule.max_length > 0 && rule.kind != schemas::field_kind::object_list)
      out.field("maxLength", static_cast<std::int64_t>(rule.max_length));
    if (rule.minimum) {
      out.field("minimum", *rule.minimum);
      if (rule.exclusive_minimum) out.field("exclusiveMinimum", true);
    }
    if (rule.maximum) out.field("maximum", *rule.maximum);
    if (rule.kind == schemas::field_kind::object_list) {
      out.key("items");
      write_ref(out, rule.item_schema);
      if (rule.min_length > 0) out.field("minItems", static_cast<std::int64_t>(rule.min_length));
      if (rule.max_length > 0) out.field("maxItems", static_cast<std::int64_t>(rule.max_length));
    }
    write_choices(out, rule.choices);
    if (!rule.description.empty()) out.field("description", rule.description);
    if (!rule.example.empty()) {
      out.key("example").raw(rule.example);
      example.key_text(rule.name).raw(rule.example);
    }
    out.end_object();
  }
  out.end_object();
  if (mode == schemas::body_mode::create) {
    out.key("required").begin_array();
    for (const auto& rule : rules) {
      if (rule.required) out.value(rule.name);
    }
    out.end_array();
  }
  out.end_object();
  example.end_object();
  schemas_[name] = {std::move(out.text()), "application/json", std::move(example.text())};
}

void openapi_components::add(const std::string& name, const shape& s) {
  json_writer out;
  write_shape(out, s);
  schemas_[name] = {std::move(out.text())};
}

void openapi_components::page(const std::string& name, const std::string& plural, const std::string& item) {
  add(name, schemas::object_of({{plural, schemas::list_of(schemas::component(item))},
                                {"total", schemas::whole()},
                                {"skip", schemas::whole()},
                                {"limit", schemas::whole()}}));
}

void openapi_components::text(const std::string& name, std::string media_type) {
  schemas_[name] = {R"({"type":"string"})", std::move(media_type)};
}

void openapi_components::tag(std::string name, std::string description) {
  tags_.emplace_back(std::move(name), std::move(description));
}

std::string openapi_document(const http::router& routes, const openapi_components& components) {
  json_writer out;
  out.begin_object().field("openapi", "3.0.3");
  out.key("info")
      .begin_object()
      .field("title", "Zomato Food Delivery Ecosystem API")
      .field("version", api_version)
      .field("description",
             "Restaurants, menus, customers, orders through their life, reviews, analytics, real-time views "
             "and a two-level response cache. Errors are {\"detail\": text}, or for validation {\"detail\": "
             "[problems]}; a 429 or 503 carries Retry-After.")
      .end_object();
  out.key("servers").begin_array();
  out.begin_object().field("url", "/").field("description", "The server this document was read from").end_object();
  out.end_array();
  out.key("security").begin_array().end_array();
  out.key("tags").begin_array();
  for (const auto& [name, description] : components.tags()) {
    out.begin_object().field("name", name).field("description", description).end_object();
  }
  out.end_array();
  out.key("paths").begin_object();
  std::map<std::string, std::vector<const http::route*>> by_path;
  for (const auto& r : routes.routes()) by_path[documented_path(r.pattern)].push_back(&r);
  document_writer operations(out, components);
  for (const auto& [pattern, group] : by_path) {
    out.key_text(pattern).begin_object();
    for (const auto* r : group) operations.operation(*r);
    out.end_object();
  }
  out.end_object();
  out.key("components").begin_object().key("schemas").begin_object();
  for (const auto& [name, schema] : components.schemas()) out.key_text(name).raw(schema.json);
  out.end_object();
  out.key("securitySchemes").begin_object().key_text(bearer_scheme).begin_object();
  out.field("type", "http").field("scheme", "bearer").field("bearerFormat", "JWT");
  out.field("description",
            "With AUTH_MODE=jwt, a signed token whose claims say who calls (sub, exp, role and customer_id or "
            "restaurant_id; `zomato-api token` mints one). The server's ADMIN_TOKEN, when set, is an admin's "
            "bearer token in every mode.");
  out.end_object().end_object();
  out.end_object().end_object();
  return std::move(out.text());
}

}  // namespace zomato::api
