#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/field.hpp"
#include "http/problems.hpp"

namespace zomato::schemas {

enum class field_kind {
  text,
  number,
  money,
  integer,
  boolean,
  time_of_day,
  timestamp,
  email,
  phone,
  choice,
  object_list
};
using domain::text_style;

/// One field of a request body: its JSON type, its constraints and how it is normalised.
/// The same rules drive validation and the OpenAPI schema.
struct field_rule {
  std::string name;
  field_kind kind = field_kind::text;
  bool required = false;  // on create; updates take every field as optional
  bool nullable = false;
  std::size_t min_length = 0;  // object_list: fewest elements
  std::size_t max_length = 0;  // 0: no limit; object_list: most elements
  text_style style = text_style::as_sent;
  std::optional<double> minimum;
  std::optional<double> maximum;
  bool exclusive_minimum = false;
  std::vector<std::string> choices;
  std::string description;
  std::string example;                                  // JSON text of a valid value
  const std::vector<field_rule>* item_rules = nullptr;  // object_list: the rules of each element
  std::string item_schema;                              // object_list: its OpenAPI component
};

enum class body_mode { create, update };

/// The fields of a body that passed their rules, normalised: text trimmed or title-cased,
/// emails lower-cased, times as "HH:MM:SS", money as integer cents.
class validated {
 public:
  bool has(std::string_view name) const { return values_.find(name) != values_.end(); }
  bool is_null(std::string_view name) const;
  std::string text(std::string_view name) const;
  std::optional<std::string> optional_text(std::string_view name) const;
  std::int64_t integer(std::string_view name) const;
  std::optional<std::int64_t> optional_integer(std::string_view name) const;
  double number(std::string_view name) const;
  bool flag(std::string_view name) const;
  /// The validated elements of an object_list field.
  std::vector<validated> items(std::string_view name) const;

  const nlohmann::json& raw(std::string_view name) const { return values_.find(name)->second; }
  void put(std::string name, nlohmann::json value) { values_[std::move(name)] = std::move(value); }

 private:
  std::map<std::string, nlohmann::json, std::less<>> values_;
};

/// Checks one JSON object against the rules; problems get loc `where` + [field].
validated validate_object(const nlohmann::json& object, const std::vector<field_rule>& rules, body_mode mode,
                          const std::vector<std::variant<std::string, std::int64_t>>& where, http::problems& found);

/// The request body as one canonical JSON text (keys sorted, no spaces), or "" when it is
/// not JSON; two bodies that mean the same give the same text.
std::string canonical_json(std::string_view body);

/// Parses a JSON body and checks it against the rules; every problem found is added to
/// `found` with loc ["body", field]. Unknown fields are ignored.
validated validate_body(std::string_view body, const std::vector<field_rule>& rules, body_mode mode,
                        http::problems& found);

}  // namespace zomato::schemas
