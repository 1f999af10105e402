#include "schemas/body_validation.hpp"

#include <cmath>
#include <limits>

#include "domain/clock.hpp"
#include "domain/contact.hpp"
#include "domain/money.hpp"
#include "domain/text.hpp"

namespace zomato::schemas {
namespace {

using nlohmann::json;

constexpr std::size_t max_nesting = 64;

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// A bound as pydantic prints it: integers without a fraction.
std::string bound_text(const field_rule& rule, double value) {
  if (rule.kind == field_kind::integer) return std::to_string(static_cast<std::int64_t>(value));
  return dump(json(value));
}

using location = std::vector<std::variant<std::string, std::int64_t>>;

/// Checks one field's value against its rule, reporting at where + [rule.name].
struct field_check {
  const field_rule& rule;
  const location& where;
  http::problems& found;

  void report(std::string type, std::string msg, const json& input, std::string ctx = {}) const {
    http::problem p;
    p.type = std::move(type);
    p.loc = where;
    p.loc.emplace_back(rule.name);
    p.msg = std::move(msg);
    p.input_json = dump(input);
    p.ctx_json = std::move(ctx);
    found.push_back(std::move(p));
  }
};

// Deeper nesting than any valid body has is refused before parsing.
bool nesting_within_limit(std::string_view body) {
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : body) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_nesting) return false;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return true;
}

std::optional<json> check_text(const field_check& c, const json& input) {
  if (!input.is_string()) {
    c.report("string_type", "Input should be a valid string", input);
    return std::nullopt;
  }
  const auto& raw = input.get_ref<const std::string&>();
  std::string text = c.rule.style == text_style::as_sent ? raw : std::string(domain::trim(raw));
  if (c.rule.style == text_style::title) text = domain::title_case(text);
  const auto length = domain::code_points(text);
  if (length < c.rule.min_length) {
    const auto n = std::to_string(c.rule.min_length);
    c.report("string_too_short",
             "String should have at least " + n + (c.rule.min_length == 1 ? " character" : " characters"), input,
             "{\"min_length\":" + n + "}");
    return std::nullopt;
  }
  if (c.rule.max_length != 0 && length > c.rule.max_length) {
    const auto n = std::to_string(c.rule.max_length);
    c.report("string_too_long", "String should have at most " + n + " characters", input, "{\"max_length\":" + n + "}");
    return std::nullopt;
  }
  return json(std::move(text));
}

bool check_bounds(const field_check& c, double value, const json& input) {
  if (c.rule.minimum) {
    const bool below = c.rule.exclusive_minimum ? value <= *c.rule.minimum : value < *c.rule.minimum;
    if (below) {
      const auto bound = bound_text(c.rule, *c.rule.minimum);
      if (c.rule.exclusive_minimum) {
        c.report("greater_than", "Input should be greater than " + bound, input, "{\"gt\":" + bound + "}");
      } else {
        c.report("greater_than_equal", "Input should be greater than or equal to " + bound, input,
                 "{\"ge\":" + bound + "}");
      }
      return false;
    }
  }
  if (c.rule.maximum && value > *c.rule.maximum) {
    const auto bound = bound_text(c.rule, *c.rule.maximum);
    c.report("less_than_equal", "Input should be less than or equal to " + bound, input, "{\"le\":" + bound + "}");
    return false;
  }
  return true;
}

std::optional<json> check_number(const field_check& c, const json& input) {
  if (!input.is_number()) {
    c.report("float_type", "Input should be a valid number", input);
    return std::nullopt;
  }
  const double value = input.get<double>();
  if (!std::isfinite(value)) {
    c.report("finite_number", "Input should be a finite number", input);
    return std::nullopt;
  }
  if (!check_bounds(c, value, input)) return std::nullopt;
  if (c.rule.kind != field_kind::money) return json(value);
  const auto amount = domain::to_cents(value);
  if (!amount || *amount <= 0) {
    c.report("decimal_range", "Input should be greater than 0 after rounding to 2 decimals", input);
    return std::nullopt;
  }
  return json(*amount);
}

std::optional<json> check_integer(const field_check& c, const json& input) {
  std::optional<std::int64_t> value;
  if (input.is_number_integer()) {
    if (input.is_number_unsigned() &&
        input.get<std::uint64_t>() > std::uint64_t{std::numeric_limits<std::int64_t>::max()}) {
      c.report("int_type", "Input should be a valid integer", input);
      return std::nullopt;
    }
    value = input.get<std::int64_t>();
  } else if (input.is_number_float()) {
    const double number = input.get<double>();
    if (!std::isfinite(number) || std::fabs(number) > 9e15) {
      c.report("int_type", "Input should be a valid integer", input);
      return std::nullopt;
    }
    if (number != std::trunc(number)) {
      c.report("int_from_float", "Input should be a valid integer, got a number with a fractional part", input);
      return std::nullopt;
    }
    value = static_cast<std::int64_t>(number);
  } else {
    c.report("int_type", "Input should be a valid integer", input);
    return std::nullopt;
  }
  if (!check_bounds(c, static_cast<double>(*value), input)) return std::nullopt;
  return json(*value);
}

std::optional<json> check_boolean(const field_check& c, const json& input) {
  if (input.is_boolean()) return input;
  if (input.is_number_integer()) {
    const auto number = input.get<std::int64_t>();
    if (number == 0 || number == 1) return json(number == 1);
  }
  c.report("bool_type", "Input should be a valid boolean", input);
  return std::nullopt;
}

std::optional<json> check_pattern(const field_check& c, const json& input) {
  if (!input.is_string()) {
    c.report("string_type", "Input should be a valid string", input);
    return std::nullopt;
  }
  const auto& text = input.get_ref<const std::string&>();
  switch (c.rule.kind) {
    case field_kind::time_of_day:
      if (auto normal = domain::parse_time_of_day(text)) return json(*normal);
      c.report("time_parsing", "Input should be in a valid time format, HH:MM[:SS]", input);
      return std::nullopt;
    case field_kind::timestamp:
      if (auto normal = domain::parse_timestamp(text)) return json(*normal);
      c.report("datetime_parsing", "Input should be a valid datetime, YYYY-MM-DDTHH:MM[:SS]", input);
      return std::nullopt;
    case field_kind::email: {
      const auto trimmed = domain::trim(text);
      if (trimmed.size() <= 255 && domain::valid_email(trimmed)) return json(domain::lower_case(trimmed));
      c.report("value_error", "Value error, Invalid email format", input, "{\"error\":{}}");
      return std::nullopt;
    }
    case field_kind::phone:
      if (text.size() <= 32 && domain::valid_phone(text)) return json(text);
      c.report("value_error", "Value error, Invalid phone number format", input, "{\"error\":{}}");
      return std::nullopt;
    case field_kind::choice: {
      for (const auto& choice : c.rule.choices) {
        if (choice == text) return json(text);
      }
      std::string expected;
      for (std::size_t i = 0; i < c.rule.choices.size(); ++i) {
        expected += (i == 0 ? "" : (i + 1 == c.rule.choices.size() ? " or " : ", ")) + ("'" + c.rule.choices[i] + "'");
      }
      c.report("enum", "Input should be " + expected, input, "{\"expected\":" + dump(json(expected)) + "}");
      return std::nullopt;
    }
    default: return std::nullopt;
  }
}

std::optional<json> check(const field_check& c, const json& input);

std::optional<json> check_list(const field_check& c, const json& input);

std::optional<json> check(const field_check& c, const json& input) {
  switch (c.rule.kind) {
    case field_kind::text: return check_text(c, input);
    case field_kind::number:
    case field_kind::money: return check_number(c, input);
    case field_kind::integer: return check_integer(c, input);
    case field_kind::boolean: return check_boolean(c, input);
    case field_kind::object_list: return check_list(c, input);
    default: return check_pattern(c, input);
  }
}

http::problem body_issue(std::string type, std::string msg, std::string input_json, std::string ctx = {}) {
  http::problem p;
  p.type = std::move(type);
  p.loc = {std::string("body")};
  p.msg = std::move(msg);
  p.input_json = std::move(input_json);
  p.ctx_json = std::move(ctx);
  return p;
}

}  // namespace

bool validated::is_null(std::string_view name) const {
  const auto found = values_.find(name);
  return found != values_.end() && found->second.is_null();
}

std::string validated::text(std::string_view name) const {
  const auto found = values_.find(name);
  return found != values_.end() && found->second.is_string() ? found->second.get<std::string>() : std::string();
}

std::optional<std::string> validated::optional_text(std::string_view name) const {
  if (!has(name) || is_null(name)) return std::nullopt;
  return text(name);
}

std::int64_t validated::integer(std::string_view name) const {
  const auto found = values_.find(name);
  return found != values_.end() && found->second.is_number() ? found->second.get<std::int64_t>() : 0;
}

std::optional<std::int64_t> validated::optional_integer(std::string_view name) const {
  if (!has(name) || is_null(name)) return std::nullopt;
  return integer(name);
}

double validated::number(std::string_view name) const {
  const auto found = values_.find(name);
  return found != values_.end() && found->second.is_number() ? found->second.get<double>() : 0.0;
}

bool validated::flag(std::string_view name) const {
  const auto found = values_.find(name);
  return found != values_.end() && found->second.is_boolean() && found->second.get<bool>();
}

std::vector<validated> validated::items(std::string_view name) const {
  std::vector<validated> out;
  const auto found = values_.find(name);
  if (found == values_.end() || !found->second.is_array()) return out;
  for (const auto& element : found->second) {
    validated item;
    for (const auto& [key, value] : element.items()) item.put(key, value);
    out.push_back(std::move(item));
  }
  return out;
}

validated validate_object(const json& object, const std::vector<field_rule>& rules, body_mode mode,
                          const location& where, http::problems& found) {
  validated result;
  for (const auto& rule : rules) {
    const auto entry = object.find(rule.name);
    if (entry == object.end()) {
      if (rule.required && mode == body_mode::create) {
        http::problem p;
        p.type = "missing";
        p.loc = where;
        p.loc.emplace_back(rule.name);
        p.msg = "Field required";
        p.input_json = dump(object);
        found.push_back(std::move(p));
      }
      continue;
    }
    if (entry->is_null() && rule.nullable) {
      result.put(rule.name, nullptr);
      continue;
    }
    if (auto value = check(field_check{rule, where, found}, *entry)) result.put(rule.name, std::move(*value));
  }
  return result;
}

namespace {

std::optional<json> check_list(const field_check& c, const json& input) {
  if (!input.is_array()) {
    c.report("list_type", "Input should be a valid list", input);
    return std::nullopt;
  }
  if (input.size() < c.rule.min_length) {
    const auto n = std::to_string(c.rule.min_length);
    c.report(
        "too_short",
        "List should have at least " + n + (c.rule.min_length == 1 ? " item" : " items") + " after validation, not " +
            std::to_string(input.size()),
        input,
        "{\"field_type\":\"List\",\"min_length\":" + n + ",\"actual_length\":" + std::to_string(input.size()) + "}");
    return std::nullopt;
  }
  if (c.rule.max_length != 0 && input.size() > c.rule.max_length) {
    const auto n = std::to_string(c.rule.max_length);
    c.report(
        "too_long",
        "List should have at most " + n + (c.rule.max_length == 1 ? " item" : " items") + " after validation, not " +
            std::to_string(input.size()),
        input,
        "{\"field_type\":\"List\",\"max_length\":" + n + ",\"actual_length\":" + std::to_string(input.size()) + "}");
    return std::nullopt;
  }
  const auto before = c.found.size();
  json normalised = json::array();
  for (std::size_t i = 0; i < input.size(); ++i) {
    location where = c.where;
    where.emplace_back(c.rule.name);
    where.emplace_back(static_cast<std::int64_t>(i));
    if (!input[i].is_object()) {
      http::problem p;
      p.type = "model_attributes_type";
      p.loc = where;
      p.msg = "Input should be a valid dictionary or object to extract fields from";
      p.input_json = dump(input[i]);
      c.found.push_back(std::move(p));
      continue;
    }
    const auto element = validate_object(input[i], *c.rule.item_rules, body_mode::create, where, c.found);
    json object = json::object();
    for (const auto& rule : *c.rule.item_rules) {
      if (element.has(rule.name)) object[rule.name] = element.raw(rule.name);
    }
    normalised.push_back(std::move(object));
  }
  if (c.found.size() != before) return std::nullopt;
  return normalised;
}

std::optional<json> parse_document(std::string_view body, http::problems& found) {
  if (domain::trim(body).empty()) {
    found.push_back(body_issue("missing", "Field required", "null"));
    return std::nullopt;
  }
  if (!nesting_within_limit(body)) {
    found.push_back(body_issue("json_invalid", "JSON decode error", "{}", "{\"error\":\"Nesting too deep\"}"));
    return std::nullopt;
  }
  try {
    return json::parse(body);
  } catch (const json::parse_error& error) {
    auto p = body_issue("json_invalid", "JSON decode error", "{}", "{\"error\":\"Invalid JSON\"}");
    p.loc.emplace_back(static_cast<std::int64_t>(error.byte > 0 ? error.byte - 1 : 0));
    found.push_back(std::move(p));
    return std::nullopt;
  } catch (const json::exception&) {
    // A number beyond the range of a double (1e400) is valid JSON but no usable value.
    found.push_back(body_issue("json_invalid", "JSON decode error", "{}", "{\"error\":\"Number out of range\"}"));
    return std::nullopt;
  }
}

}  // namespace

std::string canonical_json(std::string_view body) {
  http::problems ignored;
  const auto document = parse_document(body, ignored);
  return document ? dump(*document) : std::string();
}

validated validate_body(std::string_view body, const std::vector<field_rule>& rules, body_mode mode,
                        http::problems& found) {
  const auto document = parse_document(body, found);
  if (!document) return {};
  if (!document->is_object()) {
    found.push_back(body_issue("model_attributes_type",
                               "Input should be a valid dictionary or object to extract fields from", dump(*document)));
    return {};
  }
  return validate_object(*document, rules, mode, {std::string("body")}, found);
}

}  // namespace zomato::schemas
