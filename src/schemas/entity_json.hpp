#pragma once

#include <string>
#include <type_traits>
#include <vector>

#include "domain/entities.hpp"
#include "domain/money.hpp"
#include "domain/order_status.hpp"
#include "http/json_writer.hpp"
#include "schemas/shapes.hpp"

namespace zomato::schemas {

using domain::described_entity;

/// The keys of the entity, without braces, so nested forms can add their own: every
/// declared field in declaration order, money as the API writes it.
template <described_entity Entity>
void write_fields(http::json_writer& out, const Entity& entity) {
  domain::for_each_field<Entity>([&](const auto& field) {
    out.key(http::literal_key::checked_elsewhere(field.name));
    const auto& value = entity.*field.member;
    using value_type = std::remove_cvref_t<decltype(value)>;
    if constexpr (std::is_same_v<value_type, domain::order_status>) {
      out.value(domain::name_of(value));
    } else if constexpr (std::is_same_v<value_type, domain::cents>) {
      if (field.kind == domain::field_kind::price) {
        out.raw(domain::format_price(value));
      } else if (field.kind == domain::field_kind::amount) {
        out.value(domain::format_amount(value));
      } else {
        out.value(value);
      }
    } else {
      out.value(value);
    }
  });
}

/// The object `write_fields` writes, for the API documentation.
template <described_entity Entity>
const shape& shape_of() {
  static const shape entity = [] {
    std::vector<shape_field> keys;
    domain::for_each_field<Entity>([&](const auto& field) {
      auto value = shape_of_field(field.kind);
      if (field.nullable) value = std::move(value).or_null();
      keys.push_back({std::string(field.name), std::move(value)});
    });
    return object_of(std::move(keys));
  }();
  return entity;
}

}  // namespace zomato::schemas
