#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/field.hpp"
#include "domain/money.hpp"
#include "domain/order_status.hpp"

namespace zomato::domain {

using id_t = std::int64_t;

// Each entity is a plain struct followed by the declaration of its fields (domain/field.hpp),
// from which its validation, patches, JSON, documentation and statements are derived.
// Adding a field: a member, its line in `fields`, and a migration.

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
};

template <>
struct described<restaurant> {
  using e = restaurant;
  using k = field_kind;
  using r = field_role;
  static constexpr std::tuple fields{
      field{"id", &e::id, k::integer, r::generated},
      field{"name",
            &e::name,
            k::text,
            r::input,
            {.required = true,
             .min_length = 3,
             .max_length = 100,
             .style = text_style::trimmed,
             .description = "Unique name, 3-100 characters"}},
      field{"description", &e::description, k::text, r::input, {.max_length = operator_text_limit}},
      field{"cuisine_type",
            &e::cuisine_type,
            k::text,
            r::input,
            {.required = true,
             .min_length = 1,
             .max_length = 50,
             .style = text_style::title,
             .description = "Title-cased on save"}},
      field{"address",
            &e::address,
            k::text,
            r::input,
            {.required = true, .min_length = 5, .max_length = operator_text_limit}},
      field{"phone_number", &e::phone_number, k::phone, r::input, {.required = true, .description = phone_rule}},
      field{"rating", &e::rating, k::number, r::input, {.minimum = 0.0, .maximum = 5.0}},
      field{"is_active", &e::is_active, k::flag, r::input},
      field{"opening_time", &e::opening_time, k::time_of_day, r::input, {.description = "HH:MM[:SS]"}},
      field{"closing_time", &e::closing_time, k::time_of_day, r::input, {.description = "HH:MM[:SS]"}},
      field{"created_at", &e::created_at, k::timestamp, r::set_on_create},
      field{"updated_at", &e::updated_at, k::timestamp, r::set_on_write},
  };
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
};

template <>
struct described<menu_item> {
  using e = menu_item;
  using k = field_kind;
  using r = field_role;
  static constexpr std::tuple fields{
      field{"id", &e::id, k::integer, r::generated},
      field{"restaurant_id", &e::restaurant_id, k::integer, r::set_on_create},
      field{"name",
            &e::name,
            k::text,
            r::input,
            {.required = true, .min_length = 3, .max_length = 100, .style = text_style::trimmed}},
      field{"description", &e::description, k::text, r::input, {.max_length = operator_text_limit}},
      field{"price",
            &e::price,
            k::price,
            r::input,
            {.required = true,
             .minimum = 0.0,
             .maximum = static_cast<double>(max_price_cents / 100),
             .exclusive_minimum = true,
             .description = "Rounded to 2 decimals"},
            "price_cents"},
      field{"category",
            &e::category,
            k::text,
            r::input,
            {.required = true, .min_length = 1, .max_length = 50, .style = text_style::title}},
      field{"is_vegetarian", &e::is_vegetarian, k::flag, r::input},
      field{"is_vegan", &e::is_vegan, k::flag, r::input},
      field{"is_gluten_free", &e::is_gluten_free, k::flag, r::input},
      field{"is_available", &e::is_available, k::flag, r::input},
      field{"preparation_time", &e::preparation_time, k::integer, r::input, {.minimum = 1.0, .description = "Minutes"}},
      field{"created_at", &e::created_at, k::timestamp, r::set_on_create},
      field{"updated_at", &e::updated_at, k::timestamp, r::set_on_write},
  };
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
};

template <>
struct described<customer> {
  using e = customer;
  using k = field_kind;
  using r = field_role;
  static constexpr std::tuple fields{
      field{"id", &e::id, k::integer, r::generated},
      field{"name",
            &e::name,
            k::text,
            r::input,
            {.required = true, .min_length = 2, .max_length = 100, .style = text_style::trimmed}},
      field{"email", &e::email, k::email, r::input, {.required = true, .description = "Lower-cased; unique"}},
      field{"phone_number", &e::phone_number, k::phone, r::input, {.required = true, .description = phone_rule}},
      field{"address",
            &e::address,
            k::text,
            r::input,
            {.required = true, .min_length = 10, .max_length = operator_text_limit}},
      field{"is_active", &e::is_active, k::flag, r::input},
      field{"created_at", &e::created_at, k::timestamp, r::set_on_create},
      field{"updated_at", &e::updated_at, k::timestamp, r::set_on_write},
  };
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
};

template <>
struct described<order> {
  using e = order;
  using k = field_kind;
  using r = field_role;
  static constexpr std::tuple fields{
      field{"id", &e::id, k::integer, r::generated},
      field{"customer_id", &e::customer_id, k::integer, r::set_on_create},
      field{"restaurant_id", &e::restaurant_id, k::integer, r::input, {.required = true}},
      field{"order_status", &e::status, k::status, r::set_on_create},
      field{"total_amount", &e::total, k::amount, r::set_on_create, {}, "total_cents"},
      field{"delivery_address",
            &e::delivery_address,
            k::text,
            r::input,
            {.required = true, .min_length = 10, .max_length = operator_text_limit}},
      field{"special_instructions", &e::special_instructions, k::text, r::input, {.max_length = 1000}},
      field{"order_date", &e::order_date, k::timestamp, r::set_on_create},
      field{"delivery_time", &e::delivery_time, k::timestamp, r::set_on_create},
  };
};

struct order_item {
  id_t id = 0;
  id_t order_id = 0;
  id_t menu_item_id = 0;
  std::int64_t quantity = 1;
  cents item_price = 0;
  std::optional<std::string> special_requests;
};

template <>
struct described<order_item> {
  using e = order_item;
  using k = field_kind;
  using r = field_role;
  static constexpr std::tuple fields{
      field{"id", &e::id, k::integer, r::generated},
      field{"order_id", &e::order_id, k::integer, r::set_on_create},
      field{"menu_item_id", &e::menu_item_id, k::integer, r::input, {.required = true}},
      field{"quantity", &e::quantity, k::integer, r::input, {.required = true, .minimum = 1.0, .maximum = 1000.0}},
      field{"item_price", &e::item_price, k::amount, r::set_on_create, {}, "item_price_cents"},
      field{"special_requests", &e::special_requests, k::text, r::input, {.max_length = 500}},
  };
};

struct review {
  id_t id = 0;
  id_t customer_id = 0;
  id_t restaurant_id = 0;
  id_t order_id = 0;
  std::int64_t rating = 0;
  std::optional<std::string> comment;
  std::string created_at;
};

template <>
struct described<review> {
  using e = review;
  using k = field_kind;
  using r = field_role;
  static constexpr std::tuple fields{
      field{"id", &e::id, k::integer, r::generated},
      field{"customer_id", &e::customer_id, k::integer, r::set_on_create},
      field{"restaurant_id", &e::restaurant_id, k::integer, r::set_on_create},
      field{"order_id", &e::order_id, k::integer, r::set_on_create},
      field{"rating", &e::rating, k::integer, r::input, {.required = true, .minimum = 1.0, .maximum = 5.0}},
      field{"comment", &e::comment, k::text, r::input, {.max_length = 1000}},
      field{"created_at", &e::created_at, k::timestamp, r::set_on_create},
  };
};

/// One entry of an order's status history.
struct status_change {
  order_status status = order_status::placed;
  std::string at;
};

}  // namespace zomato::domain
