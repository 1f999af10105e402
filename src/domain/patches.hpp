#pragma once

#include <bitset>
#include <cstddef>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

#include "domain/entities.hpp"

namespace zomato::domain {

/// The fields a partial update carries: a field it does not hold stays as it is.
template <class Entity>
class patch {
 public:
  /// Sets the member to `value` when the patch is applied.
  template <class Value>
  void set(Value Entity::*member, std::type_identity_t<Value> value) {
    values_.*member = std::move(value);
    present_.set(index_of(member));
  }

  /// The value the patch gives the member, or nullopt when it leaves it alone.
  template <class Value>
  std::optional<Value> get(Value Entity::*member) const {
    if (!present_.test(index_of(member))) return std::nullopt;
    return values_.*member;
  }

  /// Copies every field the patch holds onto the entity.
  void apply_to(Entity& target) const {
    for_each_field_indexed<Entity>([&](const auto& field, std::size_t index) {
      if (present_.test(index)) target.*field.member = values_.*field.member;
    });
  }

 private:
  static constexpr std::size_t most_fields = 32;
  static_assert(std::tuple_size_v<std::remove_cvref_t<decltype(fields_of<Entity>)>> <= most_fields,
                "a patch marks each field in one bit of its set");

  template <class Value>
  static std::size_t index_of(Value Entity::*member) {
    std::size_t found = most_fields;
    for_each_field_indexed<Entity>([&](const auto& field, std::size_t index) {
      if constexpr (std::is_same_v<typename std::remove_cvref_t<decltype(field)>::value_type, Value>) {
        if (field.member == member) found = index;
      }
    });
    return found;
  }

  Entity values_{};
  std::bitset<most_fields> present_;
};

using restaurant_patch = patch<restaurant>;
using menu_item_patch = patch<menu_item>;
using customer_patch = patch<customer>;

}  // namespace zomato::domain
