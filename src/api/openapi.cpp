#include "api/openapi.hpp"

#include <limits>
#include <stdexcept>

#include "api/service_routes.hpp"
#include "http/json_writer.hpp"

namespace zomato::api {
namespace {

using http::json_writer;

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

std::string_view format_of(schemas::field_kind kind) {
  switch (kind) {
    case schemas::field_kind::time_of_day: return "time";
    case schemas::field_kind::timestamp: return "date-time";
    case schemas::field_kind::email: return "email";
    default: return "";
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
  out.begin_object().field("$ref", "#/components/schemas/" + component).end_object();
}

void write_param(json_writer& out, const http::param_spec& spec) {
  out.begin_object()
      .field("name", spec.name)
      .field("in", spec.place == http::param_place::path ? "path" : "query")
      .field("required", spec.required);
  if (!spec.description.empty()) out.field("description", spec.description);
  out.key("schema").begin_object();
  switch (spec.kind) {
    case http::param_kind::integer:
      out.field("type", "integer");
      if (spec.minimum != std::numeric_limits<std::int64_t>::min()) out.field("minimum", spec.minimum);
      if (spec.maximum != std::numeric_limits<std::int64_t>::max()) out.field("maximum", spec.maximum);
      if (std::holds_alternative<std::int64_t>(spec.fallback))
        out.field("default", std::get<std::int64_t>(spec.fallback));
      break;
    case http::param_kind::boolean: out.field("type", "boolean"); break;
    case http::param_kind::string: out.field("type", "string"); break;
    case http::param_kind::choice:
      out.field("type", "string").key("enum").begin_array();
      for (const auto& choice : spec.choices) out.value(choice);
      out.end_array();
      break;
    case http::param_kind::time_bound:
      out.key("anyOf").begin_array();
      for (const char* format : {"date-time", "date"}) {
        out.begin_object().field("type", "string").field("format", format).end_object();
      }
      out.end_array();
      break;
  }
  out.end_object().end_object();
}

void write_operation(json_writer& out, const http::route& r, const openapi_components& components) {
  const auto& known = components.all();
  const auto require = [&](const std::string& name) {
    if (!name.empty() && !known.count(name)) throw std::logic_error("undocumented schema " + name + " in " + r.pattern);
  };
  require(r.doc.request_schema);
  require(r.doc.response_schema);

  out.key_text(operation_key(r.method));
  out.begin_object().key("tags").begin_array().value(r.doc.tag).end_array().field("summary", r.doc.summary);
  out.key("parameters").begin_array();
  for (const auto& spec : r.params) write_param(out, spec);
  out.end_array();
  if (!r.doc.request_schema.empty()) {
    out.key("requestBody").begin_object().field("required", true).key("content").begin_object();
    out.key("application/json").begin_object().key("schema");
    write_ref(out, r.doc.request_schema);
    out.end_object().end_object().end_object();
  }
  out.key("responses").begin_object();
  out.key_text(std::to_string(r.doc.success_status)).begin_object().field("description", "Successful Response");
  if (!r.doc.response_schema.empty()) {
    out.key("content").begin_object().key_text(r.doc.response_schema == "Html" ? "text/html" : "application/json");
    out.begin_object().key("schema");
    write_ref(out, r.doc.response_schema);
    out.end_object().end_object();
  }
  out.end_object();
  const bool validates = !r.params.empty() || !r.doc.request_schema.empty();
  if (validates) {
    out.key("422").begin_object().field("description", "Validation Error").key("content").begin_object();
    out.key("application/json").begin_object().key("schema");
    write_ref(out, "HTTPValidationError");
    out.end_object().end_object().end_object();
  }
  out.end_object().end_object();
}

}  // namespace

void openapi_components::body(const std::string& name, const std::vector<schemas::field_rule>& rules,
                              schemas::body_mode mode) {
  json_writer out;
  out.begin_object().field("type", "object").key("properties").begin_object();
  for (const auto& rule : rules) {
    out.key_text(rule.name).begin_object().field("type", type_of(rule.kind));
    if (rule.nullable) out.field("nullable", true);
    if (!format_of(rule.kind).empty()) out.field("format", format_of(rule.kind));
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
    if (!rule.choices.empty()) {
      out.key("enum").begin_array();
      for (const auto& choice : rule.choices) out.value(choice);
      out.end_array();
    }
    if (!rule.description.empty()) out.field("description", rule.description);
    out.end_object();
  }
  out.end_object().key("required").begin_array();
  if (mode == schemas::body_mode::create) {
    for (const auto& rule : rules) {
      if (rule.required) out.value(rule.name);
    }
  }
  out.end_array().end_object();
  schemas_[name] = std::move(out.text());
}

void openapi_components::object(const std::string& name, const schemas::response_shape& shape) {
  json_writer out;
  out.begin_object().field("type", "object").key("properties").begin_object();
  for (const auto& key : shape) {
    out.key_text(key.name);
    if (key.type.starts_with('#')) {
      write_ref(out, key.type.substr(1));
      continue;
    }
    out.begin_object().field("type", key.type);
    if (key.nullable) out.field("nullable", true);
    if (!key.items.empty()) {
      out.key("items");
      write_ref(out, key.items);
    }
    out.end_object();
  }
  out.end_object().key("required").begin_array();
  for (const auto& key : shape) out.value(key.name);
  out.end_array().end_object();
  schemas_[name] = std::move(out.text());
}

void openapi_components::page(const std::string& name, const std::string& plural, const std::string& item) {
  object(name, {{plural, "array", false, item}, {"total", "integer"}, {"skip", "integer"}, {"limit", "integer"}});
}

void openapi_components::raw(const std::string& name, std::string json) { schemas_[name] = std::move(json); }

std::string openapi_document(const http::router& routes, const openapi_components& components) {
  json_writer out;
  out.begin_object().field("openapi", "3.0.3");
  out.key("info")
      .begin_object()
      .field("title", "Zomato Food Delivery Ecosystem API")
      .field("version", api_version)
      .field("description", "Restaurants, menus, customers, orders, reviews, analytics and caching.")
      .end_object();
  out.key("paths").begin_object();
  std::map<std::string, std::vector<const http::route*>> by_path;
  for (const auto& r : routes.routes()) by_path[r.pattern].push_back(&r);
  for (const auto& [pattern, group] : by_path) {
    out.key_text(pattern).begin_object();
    for (const auto* r : group) write_operation(out, *r, components);
    out.end_object();
  }
  out.end_object();
  out.key("components").begin_object().key("schemas").begin_object();
  for (const auto& [name, schema] : components.all()) out.key_text(name).raw(schema);
  out.end_object().end_object().end_object();
  return std::move(out.text());
}

}  // namespace zomato::api
