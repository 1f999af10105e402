#pragma once

#include <string>
#include <vector>

#include "domain/field.hpp"

namespace zomato::schemas {

struct shape_field;

/// A JSON value as the API documentation describes it. The OpenAPI document writes each as a
/// schema, and the contract test holds every real body against it with no extra keys allowed.
struct shape {
  enum class kind { string, integer, number, boolean, object, array, map, component, one_of, any };

  kind type = kind::string;
  bool nullable = false;
  std::string format;                // string: "email", "date" ...
  std::string pattern;               // string: a regular expression it matches
  std::vector<std::string> choices;  // string: the closed set of its values
  std::string component;             // component: the named schema it is
  std::vector<shape_field> fields;   // object: its keys
  std::vector<shape> element;        // array: its items; map: its values (one shape); one_of: each form
  std::string description;

  /// The same value, or null.
  shape or_null() &&;
  /// The same value with a description.
  shape described(std::string text) &&;
};

struct shape_field {
  std::string name;
  shape value;
  bool always = true;  // present in every body, not only in some
};

/// Any string.
shape text();
/// One of a closed set of strings.
shape text_choice(std::vector<std::string> choices);
/// A timestamp as the API writes it: UTC, second precision, no zone ("2026-11-25T17:11:53").
shape timestamp();
/// A time of day, "10:00:00".
shape time_of_day();
/// A date, "2024-01-01".
shape date();
/// An amount of money as a string with exactly 2 decimals ("34.97").
shape money_text();
/// A JSON integer.
shape whole();
/// A JSON number.
shape number();
/// A JSON boolean.
shape flag();
/// The named component schema.
shape component(std::string name);
/// An array of `item`.
shape list_of(shape item);
/// An object whose keys are data (names of namespaces, statuses ...), each value a `value`.
shape map_of(shape value);
/// Exactly one of these forms.
shape one_of(std::vector<shape> forms);
/// Any JSON value.
shape anything();
/// An object with exactly these keys.
shape object_of(std::vector<shape_field> fields);
/// A declared entity field as `write_fields` writes it (schemas/entity_json.hpp).
shape shape_of_field(domain::field_kind kind);

}  // namespace zomato::schemas
