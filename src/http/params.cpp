#include "http/params.hpp"

#include <algorithm>
#include <charconv>

#include "domain/clock.hpp"
#include "domain/text.hpp"
#include "http/json_writer.hpp"

namespace zomato::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

problem make_problem(const param_spec& spec, std::string type, std::string msg, const std::string& raw) {
  problem p;
  p.type = std::move(type);
  p.loc = {std::string(spec.place == param_place::path ? "path" : "query"), spec.name};
  p.msg = std::move(msg);
  p.input_json = quoted(raw);
  return p;
}

std::optional<param_value> parse_integer(const param_spec& spec, const std::string& raw, problems& found) {
  std::string_view digits = raw;
  if (!digits.empty() && digits.front() == '+') {
    digits.remove_prefix(1);
    if (!digits.empty() && digits.front() == '-') digits = std::string_view{};
  }
  std::int64_t number = 0;
  const auto [end, code] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  const bool all_digits = !digits.empty() && end == digits.data() + digits.size();
  if (code == std::errc::result_out_of_range && all_digits) {
    const bool negative = digits.front() == '-';
    const auto bound = negative ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int64_t>::max();
    auto p = make_problem(spec, negative ? "greater_than_equal" : "less_than_equal",
                          std::string("Input should be ") + (negative ? "greater" : "less") + " than or equal to " +
                              std::to_string(bound),
                          raw);
    p.ctx_json = std::string("{\"") + (negative ? "ge" : "le") + "\":" + std::to_string(bound) + "}";
    found.push_back(std::move(p));
    return std::nullopt;
  }
  if (code != std::errc{} || !all_digits) {
    found.push_back(make_problem(spec, "int_parsing",
                                 "Input should be a valid integer, unable to parse string as an integer", raw));
    return std::nullopt;
  }
  if (number < spec.minimum) {
    auto p = make_problem(spec, "greater_than_equal",
                          "Input should be greater than or equal to " + std::to_string(spec.minimum), raw);
    p.ctx_json = "{\"ge\":" + std::to_string(spec.minimum) + "}";
    found.push_back(std::move(p));
    return std::nullopt;
  }
  if (number > spec.maximum) {
    auto p = make_problem(spec, "less_than_equal",
                          "Input should be less than or equal to " + std::to_string(spec.maximum), raw);
    p.ctx_json = "{\"le\":" + std::to_string(spec.maximum) + "}";
    found.push_back(std::move(p));
    return std::nullopt;
  }
  return number;
}

std::optional<param_value> parse_flag(const param_spec& spec, const std::string& raw, problems& found) {
  const auto word = domain::lower_case(raw);
  for (const char* yes : {"true", "1", "yes", "on", "t", "y"}) {
    if (word == yes) return true;
  }
  for (const char* no : {"false", "0", "no", "off", "f", "n"}) {
    if (word == no) return false;
  }
  found.push_back(
      make_problem(spec, "bool_parsing", "Input should be a valid boolean, unable to interpret input", raw));
  return std::nullopt;
}

std::optional<param_value> parse_choice(const param_spec& spec, const std::string& raw, problems& found) {
  for (const auto& choice : spec.choices) {
    if (choice == raw) return raw;
  }
  std::string expected;
  for (std::size_t i = 0; i < spec.choices.size(); ++i) {
    expected += (i == 0 ? "" : (i + 1 == spec.choices.size() ? " or " : ", ")) + ("'" + spec.choices[i] + "'");
  }
  auto p = make_problem(spec, "enum", "Input should be " + expected, raw);
  p.ctx_json = "{\"expected\":" + quoted(expected) + "}";
  found.push_back(std::move(p));
  return std::nullopt;
}

std::optional<param_value> parse_time_bound(const param_spec& spec, const std::string& raw, problems& found) {
  if (auto bound = domain::parse_time_bound(raw)) return std::move(*bound);
  found.push_back(make_problem(spec, "datetime_from_date_parsing",
                               "Input should be a valid datetime or date, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (UTC)",
                               raw));
  return std::nullopt;
}

}  // namespace

param_spec path_id(std::string name, std::string description) {
  return {std::move(name),
          param_place::path,
          param_kind::integer,
          true,
          {},
          std::numeric_limits<std::int64_t>::min(),
          std::numeric_limits<std::int64_t>::max(),
          std::move(description)};
}

param_spec path_text(std::string name, std::string description, std::string example) {
  auto spec = query_text(std::move(name), true, std::move(description), std::move(example));
  spec.place = param_place::path;
  return spec;
}

param_spec query_integer(std::string name, std::int64_t fallback, std::int64_t minimum, std::int64_t maximum,
                         std::string description) {
  return {std::move(name), param_place::query,    param_kind::integer, false, fallback, minimum,
          maximum,         std::move(description)};
}

param_spec query_flag(std::string name, std::string description) {
  return {std::move(name),
          param_place::query,
          param_kind::boolean,
          false,
          {},
          std::numeric_limits<std::int64_t>::min(),
          std::numeric_limits<std::int64_t>::max(),
          std::move(description)};
}

param_spec query_text(std::string name, bool required, std::string description, std::string example) {
  return {std::move(name),
          param_place::query,
          param_kind::string,
          required,
          {},
          std::numeric_limits<std::int64_t>::min(),
          std::numeric_limits<std::int64_t>::max(),
          std::move(description),
          {},
          std::move(example)};
}

param_spec header_text(std::string name, std::string description, std::string example) {
  auto spec = query_text(std::move(name), false, std::move(description), std::move(example));
  spec.place = param_place::header;
  return spec;
}

param_spec query_choice(std::string name, std::vector<std::string> choices, std::string description) {
  auto spec = query_text(std::move(name), false, std::move(description), {});
  spec.kind = param_kind::choice;
  spec.choices = std::move(choices);
  return spec;
}

param_spec query_time_bound(std::string name, std::string description) {
  auto spec = query_text(std::move(name), false, std::move(description), "2026-01-01");
  spec.kind = param_kind::time_bound;
  return spec;
}

std::vector<param_spec> pagination() {
  return {query_integer("skip", 0, 0, std::numeric_limits<std::int64_t>::max(), "Rows to skip"),
          query_integer("limit", 100, 1, 1000, "Rows to return (1-1000)")};
}

const param_value* params::find(std::string_view name) const {
  for (const auto& [key, value] : values_) {
    if (key == name) return &value;
  }
  return nullptr;
}

std::int64_t params::integer(std::string_view name) const {
  const auto* found = find(name);
  return found && std::holds_alternative<std::int64_t>(*found) ? std::get<std::int64_t>(*found) : 0;
}

std::optional<bool> params::flag(std::string_view name) const {
  const auto* found = find(name);
  if (!found || !std::holds_alternative<bool>(*found)) return std::nullopt;
  return std::get<bool>(*found);
}

std::optional<std::string> params::text(std::string_view name) const {
  const auto* found = find(name);
  if (!found || !std::holds_alternative<std::string>(*found)) return std::nullopt;
  return std::get<std::string>(*found);
}

namespace {

// Every byte but the unreserved ones as %XX.
void append_percent_encoded(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  for (const char byte : text) {
    const auto c = static_cast<unsigned char>(byte);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                       c == '_' || c == '.' || c == '~';
    if (plain) {
      out.push_back(static_cast<char>(c));
    } else {
      const char escape[] = {'%', hex[c >> 4], hex[c & 15]};
      out.append(escape, sizeof escape);
    }
  }
}

}  // namespace

void params::append_canonical(std::string& out) const {
  bool first = true;
  for (const auto& [name, value] : values_) {
    if (!first) out.push_back('&');
    first = false;
    out += name;
    if (std::holds_alternative<std::monostate>(value)) continue;  // absent: no '=', unlike an empty text
    out.push_back('=');
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      domain::append_integer(out, *number);
    } else if (const auto* flag = std::get_if<bool>(&value)) {
      out += *flag ? "true" : "false";
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      append_percent_encoded(out, *text);
    }
  }
}

std::optional<param_value> parse_param(const param_spec& spec, const std::optional<std::string>& raw, problems& found) {
  if (!raw) {
    if (!spec.required) return spec.fallback;
    problem p;
    p.type = "missing";
    p.loc = {std::string(spec.place == param_place::path ? "path" : "query"), spec.name};
    p.msg = "Field required";
    found.push_back(std::move(p));
    return std::nullopt;
  }
  if (!domain::valid_utf8(*raw)) {
    auto p = make_problem(spec, "string_unicode",
                          "Input should be a valid string, unable to parse raw data as a unicode string", "");
    p.input_json = "null";
    found.push_back(std::move(p));
    return std::nullopt;
  }
  switch (spec.kind) {
    case param_kind::integer: return parse_integer(spec, *raw, found);
    case param_kind::boolean: return parse_flag(spec, *raw, found);
    case param_kind::choice: return parse_choice(spec, *raw, found);
    case param_kind::time_bound: return parse_time_bound(spec, *raw, found);
    case param_kind::string: break;
  }
  return *raw;
}

std::string percent_decode(std::string_view text, bool plus_is_space) {
  const auto escape =
      std::find_if(text.begin(), text.end(), [&](char c) { return c == '%' || (plus_is_space && c == '+'); });
  const auto first = static_cast<std::size_t>(escape - text.begin());
  std::string out(text.substr(0, first));
  if (first == text.size()) return out;
  out.reserve(text.size());
  for (std::size_t i = first; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
    }
    out.push_back(plus_is_space && c == '+' ? ' ' : c);
  }
  return out;
}

query_pairs::query_pairs(std::string_view query) {
  if (query.empty()) return;
  pairs_.reserve(8);
  std::size_t start = 0;
  std::size_t equals = std::string_view::npos;
  bool escaped = false;
  for (std::size_t i = 0; i <= query.size(); ++i) {
    const char c = i < query.size() ? query[i] : '&';
    if (c == '&') {
      if (i > start) {
        const auto end = equals == std::string_view::npos ? i : equals;
        const auto value =
            equals == std::string_view::npos ? std::string_view{} : query.substr(equals + 1, i - equals - 1);
        pairs_.push_back({query.substr(start, end - start), value, escaped});
      }
      start = i + 1;
      equals = std::string_view::npos;
      escaped = false;
    } else if (c == '=' && equals == std::string_view::npos) {
      equals = i;
    } else if (equals == std::string_view::npos && (c == '%' || c == '+')) {
      escaped = true;
    }
  }
}

std::optional<std::string> query_pairs::last(std::string_view key) const {
  const auto match = std::find_if(pairs_.rbegin(), pairs_.rend(), [&](const auto& pair) {
    return pair.escaped_name ? percent_decode(pair.name, true) == key : pair.name == key;
  });
  if (match == pairs_.rend()) return std::nullopt;
  return percent_decode(match->value, true);
}

std::optional<std::string> query_value(std::string_view query, std::string_view key) {
  return query_pairs(query).last(key);
}

}  // namespace zomato::http
