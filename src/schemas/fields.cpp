#include "schemas/fields.hpp"

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

std::string number_text(double value) {
  json as_json = value;
  return dump(as_json);
}

http::problem issue(const field_rule& rule, std::string type, std::string msg, const json& input,
                    std::string ctx = {}) {
  http::problem p;
  p.type = std::move(type);
  p.loc = {std::string("body"), rule.name};
  p.msg = std::move(msg);
  p.input_json = dump(input);
  p.ctx_json = std::move(ctx);
  return p;
}

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

std::optional<json> check_text(const field_rule& rule, const json& input, http::problems& found) {
  if (!input.is_string()) {
    found.push_back(issue(rule, "string_type", "Input should be a valid string", input));
    return std::nullopt;
  }
  const auto& raw = input.get_ref<const std::string&>();
  std::string text = rule.style == text_style::as_sent ? raw : std::string(domain::trim(raw));
  if (rule.style == text_style::title) text = domain::title_case(text);
  const auto length = domain::code_points(text);
  if (length < rule.min_length) {
    const auto n = std::to_string(rule.min_length);
    found.push_back(issue(rule, "string_too_short",
                          "String should have at least " + n + (rule.min_length == 1 ? " character" : " characters"),
                          input, "{\"min_length\":" + n + "}"));
    return std::nullopt;
  }
  if (rule.max_length != 0 && length > rule.max_length) {
    const auto n = std::to_string(rule.max_length);
    found.push_back(issue(rule, "string_too_long", "String should have at most " + n + " characters", input,
                          "{\"max_length\":" + n + "}"));
    return std::nullopt;
  }
  return json(std::move(text));
}

bool check_bounds(const field_rule& rule, double value, const json& input, http::problems& found) {
  if (rule.minimum) {
    const bool below = rule.exclusive_minimum ? value <= *rule.minimum : value < *rule.minimum;
    if (below) {
      const auto bound = number_text(*rule.minimum);
      if (rule.exclusive_minimum) {
        found.push_back(issue(rule, "greater_than", "Input should be greater than " + bound, input, "{\"gt\":" + bound + "}"));
      } else {
        found.push_back(issue(rule, "greater_than_equal", "Input should be greater than or equal to " + bound, input,
                              "{\"ge\":" + bound + "}"));
      }
      return false;
    }
  }
  if (rule.maximum && value > *rule.maximum) {
    const auto bound = number_text(*rule.maximum);
    found.push_back(issue(rule, "less_than_equal", "Input should be less than or equal to " + bound, input,
                          "{\"le\":" + bound + "}"));
    return false;
  }
  return true;
}

std::optional<json> check_number(const field_rule& rule, const json& input, http::problems& found) {
  if (!input.is_number()) {
    found.push_back(issue(rule, "float_type", "Input should be a valid number", input));
    return std::nullopt;
  }
  const double value = input.get<double>();
  if (!std::isfinite(value)) {
    found.push_back(issue(rule, "finite_number", "Input should be a finite number", input));
    return std::nullopt;
  }
  if (!check_bounds(rule, value, input, found)) return std::nullopt;
  if (rule.kind != field_kind::money) return json(value);
  const auto amount = domain::to_cents(value);
  if (!amount || *amount <= 0 || *amount > domain::max_price_cents) {
    const auto bound = domain::format_amount(domain::max_price_cents);
    found.push_back(issue(rule, "decimal_range", "Input should be greater than 0 and at most " + bound, input));
    return std::nullopt;
  }
  return json(*amount);
}

std::optional<json> check_integer(const field_rule& rule, const json& input, http::problems& found) {
  std::optional<std::int64_t> value;
  if (input.is_number_integer()) {
    if (input.is_number_unsigned() && input.get<std::uint64_t>() > std::uint64_t{std::numeric_limits<std::int64_t>::max()}) {
      found.push_back(issue(rule, "int_type", "Input should be a valid integer", input));
      return std::nullopt;
    }
    value = input.get<std::int64_t>();
  } else if (input.is_number_float()) {
    const double number = input.get<double>();
    if (!std::isfinite(number) || std::fabs(number) > 9e15) {
      found.push_back(issue(rule, "int_type", "Input should be a valid integer", input));
      return std::nullopt;
    }
    if (number != std::trunc(number)) {
      found.push_back(issue(rule, "int_from_float", "Input should be a valid integer, got a number with a fractional part", input));
      return std::nullopt;
    }
    value = static_cast<std::int64_t>(number);
  } else {
    found.push_back(issue(rule, "int_type", "Input should be a valid integer", input));
    return std::nullopt;
  }
  if (!check_bounds(rule, static_cast<double>(*value), input, found)) return std::nullopt;
  return json(*value);
}

std::optional<json> check_boolean(const field_rule& rule, const json& input, http::problems& found) {
  if (input.is_boolean()) return input;
  if (input.is_number_integer() && (input == 0 || input == 1)) return json(input == 1);
  found.push_back(issue(rule, "bool_type", "Input should be a valid boolean", input));
  return std::nullopt;
}

std::optional<json> check_pattern(const field_rule& rule, const json& input, http::problems& found) {
  if (!input.is_string()) {
    found.push_back(issue(rule, "string_type", "Input should be a valid string", input));
    return std::nullopt;
  }
  const auto& text = input.get_ref<const std::string&>();
  switch (rule.kind) {
    case field_kind::time_of_day:
      if (auto normal = domain::parse_time_of_day(text)) return json(*normal);
      found.push_back(issue(rule, "time_parsing", "Input should be in a valid time format, HH:MM[:SS]", input));
      return std::nullopt;
    case field_kind::timestamp:
      if (auto normal = domain::parse_timestamp(text)) return json(*normal);
      found.push_back(issue(rule, "datetime_parsing", "Input should be a valid datetime, YYYY-MM-DDTHH:MM[:SS]", input));
      return std::nullopt;
    case field_kind::email: {
      const auto trimmed = domain::trim(text);
      if (trimmed.size() <= 255 && domain::valid_email(trimmed)) return json(domain::lower_case(trimmed));
      found.push_back(issue(rule, "value_error", "Value error, Invalid email format", input, "{\"error\":{}}"));
      return std::nullopt;
    }
    case field_kind::phone:
      if (text.size() <= 32 && domain::valid_phone(text)) return json(text);
      found.push_back(issue(rule, "value_error", "Value error, Invalid phone number format", input, "{\"error\":{}}"));
      return std::nullopt;
    case field_kind::choice: {
      for (const auto& choice : rule.choices) {
        if (choice == text) return json(text);
      }
      std::string expected;
      for (std::size_t i = 0; i < rule.choices.size(); ++i) {
        expected += (i == 0 ? "" : (i + 1 == rule.choices.size() ? " or " : ", ")) + ("'" + rule.choices[i] + "'");
      }
      found.push_back(issue(rule, "enum", "Input should be " + expected, input,
                            "{\"expected\":" + dump(json(expected)) + "}"));
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

std::optional<json> check(const field_rule& rule, const json& input, http::problems& found) {
  switch (rule.kind) {
    case field_kind::text: return check_text(rule, input, found);
    case field_kind::number:
    case field_kind::money: return check_number(rule, input, found);
    case field_kind::integer: return check_integer(rule, input, found);
    case field_kind::boolean: return check_boolean(rule, input, found);
    default: return check_pattern(rule, input, found);
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

validated validate_body(std::string_view body, const std::vector<field_rule>& rules, body_mode mode,
                        http::problems& found) {
  validated result;
  if (domain::trim(body).empty()) {
    found.push_back(body_issue("missing", "Field required", "null"));
    return result;
  }
  json document;
  if (!nesting_within_limit(body)) {
    found.push_back(body_issue("json_invalid", "JSON decode error", "{}", "{\"error\":\"Nesting too deep\"}"));
    return result;
  }
  try {
    document = json::parse(body);
  } catch (const json::parse_error& error) {
    auto p = body_issue("json_invalid", "JSON decode error", "{}", "{\"error\":\"Invalid JSON\"}");
    p.loc.emplace_back(static_cast<std::int64_t>(error.byte > 0 ? error.byte - 1 : 0));
    found.push_back(std::move(p));
    return result;
  }
  if (!document.is_object()) {
    found.push_back(body_issue("model_attributes_type",
                               "Input should be a valid dictionary or object to extract fields from", dump(document)));
    return result;
  }
  for (const auto& rule : rules) {
    const auto entry = document.find(rule.name);
    if (entry == document.end()) {
      if (rule.required && mode == body_mode::create) {
        http::problem p;
        p.type = "missing";
        p.loc = {std::string("body"), rule.name};
        p.msg = "Field required";
        p.input_json = dump(document);
        found.push_back(std::move(p));
      }
      continue;
    }
    if (entry->is_null() && rule.nullable) {
      result.put(rule.name, nullptr);
      continue;
    }
    if (auto value = check(rule, *entry, found)) result.put(rule.name, std::move(*value));
  }
  return result;
}

}  // namespace zomato::schemas
