#pragma once

#include <type_traits>
#include <vector>

#include "domain/entities.hpp"

#include "schemas/body_limits.hpp"
#include "schemas/body_validation.hpp"

namespace zomato::schemas {

/// The field rules of every request body, built once from the limits; validation and the
/// OpenAPI document both read them. Holds pointers into itself, so it is never copied.
class body_rules {
 public:
  explicit body_rules(const body_limits& limits);
  body_rules(const body_rules&) = delete;
  body_rules& operator=(const body_rules&) = delete;

  /// The rules with the default limits.
  static const body_rules& defaults();

  const std::vector<field_rule>& restaurant() const { return restaurant_; }
  const std::vector<field_rule>& menu_item() const { return menu_item_; }
  const std::vector<field_rule>& customer() const { return customer_; }
  const std::vector<field_rule>& order() const { return order_; }
  const std::vector<field_rule>& order_line() const { return order_line_; }
  const std::vector<field_rule>& status() const { return status_; }
  const std::vector<field_rule>& review() const { return review_; }

  /// The rules of the entity's create and update bodies.
  template <class Entity>
  const std::vector<field_rule>& of() const {
    if constexpr (std::is_same_v<Entity, domain::restaurant>) {
      return restaurant_;
    } else if constexpr (std::is_same_v<Entity, domain::menu_item>) {
      return menu_item_;
    } else {
      static_assert(std::is_same_v<Entity, domain::customer>, "only these entities have update bodies");
      return customer_;
    }
  }

 private:
  std::vector<field_rule> restaurant_;
  std::vector<field_rule> menu_item_;
  std::vector<field_rule> customer_;
  std::vector<field_rule> order_line_;
  std::vector<field_rule> order_;
  std::vector<field_rule> status_;
  std::vector<field_rule> review_;
};

}  // namespace zomato::schemas
