#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "domain/entities.hpp"
#include "domain/patches.hpp"
#include "http/problems.hpp"
#include "schemas/body_limits.hpp"
#include "schemas/body_rules.hpp"
#include "schemas/body_validation.hpp"
#include "schemas/entity_json.hpp"

namespace zomato::schemas {

/// The body rules of the entity's input fields, in declaration order, with the operator's
/// text limit where a field has none of its own.
template <described_entity Entity>
std::vector<field_rule> rules_of(const body_limits& limits) {
  std::vector<field_rule> rules;
  domain::for_each_field<Entity>([&](const auto& field) {
    if (field.role != domain::field_role::input) return;
    const auto& rule = field.rule;
    field_rule out{
        .name = std::string(field.name),
        .required = rule.required,
        .nullable = field.nullable,
        .min_length = rule.min_length,
        .max_length = rule.max_length == domain::operator_text_limit ? limits.max_text_length : rule.max_length,
        .style = rule.style,
        .minimum = rule.minimum,
        .maximum = rule.maximum,
        .exclusive_minimum = rule.exclusive_minimum,
        .description = std::string(rule.description),
        .example = std::string(rule.example)};
    switch (field.kind) {
      case domain::field_kind::integer: out.kind = field_kind::integer; break;
      case domain::field_kind::number: out.kind = field_kind::number; break;
      case domain::field_kind::flag: out.kind = field_kind::boolean; break;
      case domain::field_kind::time_of_day: out.kind = field_kind::time_of_day; break;
      case domain::field_kind::timestamp: out.kind = field_kind::timestamp; break;
      case domain::field_kind::email: out.kind = field_kind::email; break;
      case domain::field_kind::phone: out.kind = field_kind::phone; break;
      case domain::field_kind::price: out.kind = field_kind::money; break;
      case domain::field_kind::text:
      case domain::field_kind::amount:  // amounts and statuses are set by the server, never sent
      case domain::field_kind::status: break;
    }
    rules.push_back(std::move(out));
  });
  return rules;
}

/// The validated value of one field, as its member holds it.
template <class Value>
Value value_of(const validated& body, std::string_view name) {
  if constexpr (std::is_same_v<Value, std::string>) {
    return body.text(name);
  } else if constexpr (std::is_same_v<Value, std::optional<std::string>>) {
    return body.optional_text(name);
  } else if constexpr (std::is_same_v<Value, std::optional<std::int64_t>>) {
    return body.optional_integer(name);
  } else if constexpr (std::is_same_v<Value, std::int64_t>) {
    return body.integer(name);
  } else if constexpr (std::is_same_v<Value, double>) {
    return body.number(name);
  } else {
    static_assert(std::is_same_v<Value, bool>, "an input field holds text, a number or a flag");
    return body.flag(name);
  }
}

/// A new entity from a request body checked against its rules: the input fields it sends,
/// the struct's defaults for the others. Problems are added to `found`.
template <described_entity Entity>
Entity parse_new(std::string_view body, http::problems& found, const body_rules& rules = body_rules::defaults()) {
  const auto checked = validate_body(body, rules.of<Entity>(), body_mode::create, found);
  Entity entity{};
  domain::for_each_field<Entity>([&](const auto& field) {
    using value_type = typename std::remove_cvref_t<decltype(field)>::value_type;
    if (field.role == domain::field_role::input && checked.has(field.name)) {
      entity.*field.member = value_of<value_type>(checked, field.name);
    }
  });
  return entity;
}

/// The input fields an update body sends, checked against the entity's rules with every
/// field optional. Problems are added to `found`.
template <described_entity Entity>
domain::patch<Entity> parse_patch(std::string_view body, http::problems& found,
                                  const body_rules& rules = body_rules::defaults()) {
  const auto checked = validate_body(body, rules.of<Entity>(), body_mode::update, found);
  domain::patch<Entity> patch;
  domain::for_each_field<Entity>([&](const auto& field) {
    using value_type = typename std::remove_cvref_t<decltype(field)>::value_type;
    if (field.role == domain::field_role::input && checked.has(field.name)) {
      patch.set(field.member, value_of<value_type>(checked, field.name));
    }
  });
  return patch;
}

}  // namespace zomato::schemas
