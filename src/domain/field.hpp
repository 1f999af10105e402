#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace zomato::domain {

/// What a field holds, which decides its JSON form, its checks and its column type.
enum class field_kind {
  integer,      // ids and counts: a JSON integer
  number,       // a JSON number
  flag,         // a JSON boolean, 0/1 in a column
  text,         // a JSON string
  time_of_day,  // "HH:MM:SS"
  timestamp,    // "YYYY-MM-DDTHH:MM:SS"
  email,        // lower-cased text
  phone,        // text of digits and separators
  price,        // integer cents, written as a JSON number (12.99)
  amount,       // integer cents, written as a JSON string ("12.99")
  status        // an order_status, written by name
};

/// How a text field is normalised before it is checked and stored.
enum class text_style { as_sent, trimmed, title };

/// Who sets a field, which decides where it is read from and which statements write it.
enum class field_role {
  generated,      // the store assigns it on insert (the id)
  input,          // the client sends it in create bodies and updates
  set_on_create,  // the server sets it once, when the entity is created
  set_on_write    // the server sets it on create and on every update
};

/// The rule of an input field; bounds apply to numbers, lengths (in code points) to text.
struct constraints {
  /// Must be present in a create body (updates take every field as optional).
  bool required = false;
  std::size_t min_length = 0;
  /// 0: no limit; `operator_text_limit`: the operator's MAX_TEXT_LENGTH.
  std::size_t max_length = 0;
  text_style style = text_style::as_sent;
  std::optional<double> minimum;
  std::optional<double> maximum;
  bool exclusive_minimum = false;
  std::string_view description;
  /// A valid value as JSON text, offered by the API documentation and sent by the contract test.
  std::string_view example;
};

inline constexpr std::size_t operator_text_limit = std::numeric_limits<std::size_t>::max();

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

/// One field of an entity: its JSON name, the member that holds it, what it is, who sets it,
/// its rule and its column. Declared once per field (domain/entities.hpp); validation,
/// patching, rendering, the API documentation and the statements are derived from it.
template <class Entity, class Value>
struct field {
  using entity_type = Entity;
  using value_type = Value;

  consteval field(std::string_view json_name, Value Entity::*held_in, field_kind what, field_role set_by,
                  constraints checked = {}, std::string_view column_name = {})
      : name(json_name),
        member(held_in),
        kind(what),
        role(set_by),
        rule(checked),
        column(column_name.empty() ? json_name : column_name) {
    for (const char c : json_name) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) throw "a field name is lower_snake_case";
    }
  }

  /// True when a null is a valid value (the member is a std::optional).
  static constexpr bool nullable = is_optional<Value>::value;

  std::string_view name;
  Value Entity::*member;
  field_kind kind;
  field_role role;
  constraints rule;
  std::string_view column;
};

/// Builds the fields of one kind: `text_field("name", &restaurant::name, {rule})` for an
/// input, `integer_field("customer_id", &order::customer_id, field_role::set_on_create)`
/// for a field the server sets; a last argument names the column when it is not the name.
template <field_kind Kind>
struct field_of_kind {
  template <class Entity, class Value>
  consteval field<Entity, Value> operator()(std::string_view name, Value Entity::*member, constraints rule = {},
                                            std::string_view column = {}) const {
    return {name, member, Kind, field_role::input, rule, column};
  }
  template <class Entity, class Value>
  consteval field<Entity, Value> operator()(std::string_view name, Value Entity::*member, field_role role,
                                            std::string_view column = {}) const {
    return {name, member, Kind, role, {}, column};
  }
};

inline constexpr field_of_kind<field_kind::integer> integer_field;
inline constexpr field_of_kind<field_kind::number> number_field;
inline constexpr field_of_kind<field_kind::flag> flag_field;
inline constexpr field_of_kind<field_kind::text> text_field;
inline constexpr field_of_kind<field_kind::time_of_day> time_of_day_field;
inline constexpr field_of_kind<field_kind::timestamp> timestamp_field;
inline constexpr field_of_kind<field_kind::email> email_field;
inline constexpr field_of_kind<field_kind::phone> phone_field;
inline constexpr field_of_kind<field_kind::price> price_field;
inline constexpr field_of_kind<field_kind::amount> amount_field;
inline constexpr field_of_kind<field_kind::status> status_field;

/// An entity that declares its fields: `static consteval auto fields()` returns a std::tuple
/// of them, in the order of its members.
template <class Entity>
concept described_entity = requires {
  Entity::fields();
};

/// The declared fields of the entity, made once.
template <described_entity Entity>
inline constexpr auto fields_of = Entity::fields();

namespace detail {

struct any_value {
  template <class T>
  operator T() const;  // NOLINT(google-explicit-constructor): named only in unevaluated probes
};

// How many members an aggregate has: the most initialisers it accepts.
template <class T, class... Values>
constexpr std::size_t member_count() {
  if constexpr (requires { T{Values{}..., any_value{}}; }) {
    return member_count<T, Values..., any_value>();
  } else {
    return sizeof...(Values);
  }
}

// Whether no two fields of the tuple name the same member or the same JSON name.
template <class Fields>
consteval bool all_distinct(const Fields& fields) {
  return std::apply(
      [](const auto&... each) {
        bool distinct = true;
        const auto against_all = [&](const auto& one) {
          int same = 0;
          const auto compare = [&](const auto& other) {
            if (one.name == other.name) ++same;
            if constexpr (std::is_same_v<decltype(one.member), decltype(other.member)>) {
              if (one.member == other.member && one.name != other.name) ++same;
            }
          };
          (compare(each), ...);
          if (same != 1) distinct = false;
        };
        (against_all(each), ...);
        return distinct;
      },
      fields);
}

}  // namespace detail

/// Calls `visit(field)` for each declared field of the entity, in declaration order. Does not
/// compile when the declaration misses a member of the struct or names one twice.
template <described_entity Entity, class Visit>
constexpr void for_each_field(Visit&& visit) {
  static_assert(std::tuple_size_v<std::remove_cvref_t<decltype(fields_of<Entity>)>> == detail::member_count<Entity>(),
                "every member of the entity has a field declaration");
  static_assert(detail::all_distinct(fields_of<Entity>), "each field names its own member and JSON name");
  std::apply([&](const auto&... each) { (visit(each), ...); }, fields_of<Entity>);
}

/// Calls `visit(field, index)` for each declared field, in declaration order.
template <class Entity, class Visit>
constexpr void for_each_field_indexed(Visit&& visit) {
  std::size_t index = 0;
  for_each_field<Entity>([&](const auto& each) { visit(each, index++); });
}

}  // namespace zomato::domain
