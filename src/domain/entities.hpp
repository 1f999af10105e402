#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/field.hpp"
#include "domain/money.hpp"
#include "domain/order_status.hpp"

namespace zomato::domain {

using id_t = std::int64_t;

// Each entity is a plain struct that declares its fields (domain/field.hpp), from which its
// validation, patches, JSON, documentation and statements are derived. Adding a field: a
// member, its line in `fields()`, and a migration.

inline constexpr std::string_view phone_rule = "Optional +, then 8-16 digits; spaces, '-', '(' and ')' allowed";

struct restaurant {
  id_t id = 0;
  std::string name;
  std::optional<std::string> description;
  std::string cuisine_type;
  std::string address;
  std::string phone_number;
  double rating = 0.0;
  bool is_active = true;
  std::optional<std::string> opening_time;
  std::optional<std::string> closing_time;
  std::string created_at;
  std::string updated_at;

  /// Every field in the order of the members (domain/field.hpp).
  static consteval auto fields() {
    return std::tuple{
        integer_field("id", &restaurant::id, field_role::generated),
        text_field("name", &restaurant::name,
                   {.required = true,
                    .min_length = 3,
                    .max_length = 100,
                    .style = text_style::trimmed,
                    .description = "Unique name, 3-100 characters",
                    .example = R"("Spice Garden")"}),
        text_field("description", &restaurant::description,
                   {.max_length = operator_text_limit, .example = R"("Curries and breads from a clay oven")"}),
        text_field("cuisine_type", &restaurant::cuisine_type,
                   {.required = true,
                    .min_length = 1,
                    .max_length = 50,
                    .style = text_style::title,
                    .description = "Title-cased on save",
                    .example = R"("Indian")"}),
        text_field("address", &restaurant::address,
                   {.required = true,
                    .min_length = 5,
                    .max_length = operator_text_limit,
                    .example = R"("12 Park Street, Kolkata")"}),
        phone_field("phone_number", &restaurant::phone_number,
                    {.required = true, .description = phone_rule, .example = R"("+91 98765 43210")"}),
        number_field("rating", &restaurant::rating, {.minimum = 0.0, .maximum = 5.0, .example = "4.5"}),
        flag_field("is_active", &restaurant::is_active, {.example = "true"}),
        time_of_day_field("opening_time", &restaurant::opening_time,
                          {.description = "HH:MM[:SS]", .example = R"("10:00:00")"}),
        time_of_day_field("closing_time", &restaurant::closing_time,
                          {.description = "HH:MM[:SS]", .example = R"("22:30:00")"}),
        timestamp_field("created_at", &restaurant::created_at, field_role::set_on_create),
        timestamp_field("updated_at", &restaurant::updated_at, field_role::set_on_write),
    };
  }
};

struct menu_item {
  id_t id = 0;
  id_t restaurant_id = 0;
  std::string name;
  std::optional<std::string> description;
  cents price = 0;
  std::string category;
  bool is_vegetarian = false;
  bool is_vegan = false;
  bool is_gluten_free = false;
  bool is_available = true;
  std::optional<std::int64_t> preparation_time;
  std::string created_at;
  std::string updated_at;

  /// Every field in the order of the members (domain/field.hpp).
  static consteval auto fields() {
    return std::tuple{
        integer_field("id", &menu_item::id, field_role::generated),
        integer_field("restaurant_id", &menu_item::restaurant_id, field_role::set_on_create),
        text_field("name", &menu_item::name,
                   {.required = true,
                    .min_length = 3,
                    .max_length = 100,
                    .style = text_style::trimmed,
                    .example = R"("Paneer Tikka")"}),
        text_field("description", &menu_item::description,
                   {.max_length = operator_text_limit, .example = R"("Cottage cheese grilled with spices")"}),
        price_field("price", &menu_item::price,
                    {.required = true,
                     .minimum = 0.0,
                     .maximum = static_cast<double>(max_price_cents) / 100,
                     .exclusive_minimum = true,
                     .description = "Rounded to 2 decimals",
                     .example = "12.5"},
                    "price_cents"),
        text_field("category", &menu_item::category,
                   {.required = true,
                    .min_length = 1,
                    .max_length = 50,
                    .style = text_style::title,
                    .example = R"("Starters")"}),
        flag_field("is_vegetarian", &menu_item::is_vegetarian, {.example = "true"}),
        flag_field("is_vegan", &menu_item::is_vegan, {.example = "false"}),
        flag_field("is_gluten_free", &menu_item::is_gluten_free, {.example = "true"}),
        flag_field("is_available", &menu_item::is_available, {.example = "true"}),
        integer_field("preparation_time", &menu_item::preparation_time,
                      {.minimum = 1.0, .description = "Minutes", .example = "20"}),
        timestamp_field("created_at", &menu_item::created_at, field_role::set_on_create),
        timestamp_field("updated_at", &menu_item::updated_at, field_role::set_on_write),
    };
  }
};

struct customer {
  id_t id = 0;
  std::string name;
  std::string email;
  std::string phone_number;
  std::string address;
  bool is_active = true;
  std::string created_at;
  std::string updated_at;

  /// Every field in the order of the members (domain/field.hpp).
  static consteval auto fields() {
    return std::tuple{
        integer_field("id", &customer::id, field_role::generated),
        text_field("name", &customer::name,
                   {.required = true,
                    .min_length = 2,
                    .max_length = 100,
                    .style = text_style::trimmed,
                    .example = R"("Asha Rao")"}),
        email_field("email", &customer::email,
                    {.required = true, .description = "Lower-cased; unique", .example = R"("asha.rao@example.com")"}),
        phone_field("phone_number", &customer::phone_number,
                    {.required = true, .description = phone_rule, .example = R"("(555) 123-4567")"}),
        text_field("address", &customer::address,
                   {.required = true,
                    .min_length = 10,
                    .max_length = operator_text_limit,
                    .example = R"("221B Baker Street, London")"}),
        flag_field("is_active", &customer::is_active, {.example = "true"}),
        timestamp_field("created_at", &customer::created_at, field_role::set_on_create),
        timestamp_field("updated_at", &customer::updated_at, field_role::set_on_write),
    };
  }
};

struct order {
  id_t id = 0;
  id_t customer_id = 0;
  id_t restaurant_id = 0;
  order_status status = order_status::placed;
  cents total = 0;
  std::string delivery_address;
  std::optional<std::string> special_instructions;
  std::string order_date;
  std::optional<std::string> delivery_time;

  /// Every field in the order of the members (domain/field.hpp).
  static consteval auto fields() {
    return std::tuple{
        integer_field("id", &order::id, field_role::generated),
        integer_field("customer_id", &order::customer_id, field_role::set_on_create),
        integer_field("restaurant_id", &order::restaurant_id, {.required = true, .example = "1"}),
        status_field("order_status", &order::status, field_role::set_on_create),
        amount_field("total_amount", &order::total, field_role::set_on_create, "total_cents"),
        text_field("delivery_address", &order::delivery_address,
                   {.required = true,
                    .min_length = 10,
                    .max_length = operator_text_limit,
                    .example = R"("221B Baker Street, London")"}),
        text_field("special_instructions", &order::special_instructions,
                   {.max_length = 1000, .example = R"("Ring the bell twice")"}),
        timestamp_field("order_date", &order::order_date, field_role::set_on_create),
        timestamp_field("delivery_time", &order::delivery_time, field_role::set_on_create),
    };
  }
};

struct order_item {
  id_t id = 0;
  id_t order_id = 0;
  id_t menu_item_id = 0;
  std::int64_t quantity = 1;
  cents item_price = 0;
  std::optional<std::string> special_requests;

  /// Every field in the order of the members (domain/field.hpp).
  static consteval auto fields() {
    return std::tuple{
        integer_field("id", &order_item::id, field_role::generated),
        integer_field("order_id", &order_item::order_id, field_role::set_on_create),
        integer_field("menu_item_id", &order_item::menu_item_id, {.required = true, .example = "1"}),
        integer_field("quantity", &order_item::quantity,
                      {.required = true, .minimum = 1.0, .maximum = 1000.0, .example = "2"}),
        amount_field("item_price", &order_item::item_price, field_role::set_on_create, "item_price_cents"),
        text_field("special_requests", &order_item::special_requests,
                   {.max_length = 500, .example = R"("Extra spicy")"}),
    };
  }
};

struct review {
  id_t id = 0;
  id_t customer_id = 0;
  id_t restaurant_id = 0;
  id_t order_id = 0;
  std::int64_t rating = 0;
  std::optional<std::string> comment;
  std::string created_at;

  /// Every field in the order of the members (domain/field.hpp).
  static consteval auto fields() {
    return std::tuple{
        integer_field("id", &review::id, field_role::generated),
        integer_field("customer_id", &review::customer_id, field_role::set_on_create),
        integer_field("restaurant_id", &review::restaurant_id, field_role::set_on_create),
        integer_field("order_id", &review::order_id, field_role::set_on_create),
        integer_field("rating", &review::rating, {.required = true, .minimum = 1.0, .maximum = 5.0, .example = "5"}),
        text_field("comment", &review::comment, {.max_length = 1000, .example = R"("Hot, fresh and on time")"}),
        timestamp_field("created_at", &review::created_at, field_role::set_on_create),
    };
  }
};

/// One entry of an order's status history.
struct status_change {
  order_status status = order_status::placed;
  std::string at;
};

}  // namespace zomato::domain
