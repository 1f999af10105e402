#pragma once

#include <string>
#include <type_traits>

#include "domain/entities.hpp"
#include "domain/money.hpp"
#include "domain/order_status.hpp"
#include "http/json_writer.hpp"
#include "schemas/response_shapes.hpp"

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

/// The keys `write_fields` writes, for the API documentation.
template <described_entity Entity>
const response_shape& shape_of() {
  static const response_shape shape = [] {
    response_shape keys;
    domain::for_each_field<Entity>([&](const auto& field) {
      const char* type = "string";
      switch (field.kind) {
        case domain::field_kind::integer: type = "integer"; break;
        case domain::field_kind::number:
        case domain::field_kind::price: type = "number"; break;
        case domain::field_kind::flag: type = "boolean"; break;
        default: break;
      }
      keys.push_back({std::string(field.name), type, field.nullable});
    });
    return keys;
  }();
  return shape;
}

}  // namespace zomato::schemas
