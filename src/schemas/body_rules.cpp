#include "schemas/body_rules.hpp"

#include <string>

#include "domain/money.hpp"
#include "domain/order_status.hpp"

namespace zomato::schemas {
namespace {

std::vector<std::string> status_names() {
  std::vector<std::string> names;
  for (auto status : domain::all_order_statuses) names.emplace_back(domain::name_of(status));
  return names;
}

const char* const phone_rule = "Optional +, then 8-16 digits; spaces, '-', '(' and ')' allowed";

}  // namespace

body_rules::body_rules(const body_limits& limits) {
  const auto text = limits.max_text_length;
  restaurant_.resize(9);
  auto& r = restaurant_;
  r[0] = {.name = "name",
          .required = true,
          .min_length = 3,
          .max_length = 100,
          .style = text_style::trimmed,
          .description = "Unique name, 3-100 characters"};
  r[1] = {.name = "description", .nullable = true, .max_length = text};
  r[2] = {.name = "cuisine_type",
          .required = true,
          .min_length = 1,
          .max_length = 50,
          .style = text_style::title,
          .description = "Title-cased on save"};
  r[3] = {.name = "address", .required = true, .min_length = 5, .max_length = text};
  r[4] = {.name = "phone_number", .kind = field_kind::phone, .required = true, .description = phone_rule};
  r[5] = {.name = "rating", .kind = field_kind::number, .minimum = 0.0, .maximum = 5.0};
  r[6] = {.name = "is_active", .kind = field_kind::boolean};
  r[7] = {.name = "opening_time", .kind = field_kind::time_of_day, .nullable = true, .description = "HH:MM[:SS]"};
  r[8] = {.name = "closing_time", .kind = field_kind::time_of_day, .nullable = true, .description = "HH:MM[:SS]"};

  menu_item_.resize(9);
  auto& m = menu_item_;
  m[0] = {.name = "name", .required = true, .min_length = 3, .max_length = 100, .style = text_style::trimmed};
  m[1] = {.name = "description", .nullable = true, .max_length = text};
  m[2] = {.name = "price",
          .kind = field_kind::money,
          .required = true,
          .minimum = 0.0,
          .maximum = static_cast<double>(domain::max_price_cents / 100),
          .exclusive_minimum = true,
          .description = "Rounded to 2 decimals"};
  m[3] = {.name = "category", .required = true, .min_length = 1, .max_length = 50, .style = text_style::title};
  m[4] = {.name = "is_vegetarian", .kind = field_kind::boolean};
  m[5] = {.name = "is_vegan", .kind = field_kind::boolean};
  m[6] = {.name = "is_gluten_free", .kind = field_kind::boolean};
  m[7] = {.name = "is_available", .kind = field_kind::boolean};
  m[8] = {.name = "preparation_time",
          .kind = field_kind::integer,
          .nullable = true,
          .minimum = 1.0,
          .description = "Minutes"};

  customer_.resize(5);
  auto& c = customer_;
  c[0] = {.name = "name", .required = true, .min_length = 2, .max_length = 100, .style = text_style::trimmed};
  c[1] = {.name = "email", .kind = field_kind::email, .required = true, .description = "Lower-cased; unique"};
  c[2] = {.name = "phone_number", .kind = field_kind::phone, .required = true, .description = phone_rule};
  c[3] = {.name = "address", .required = true, .min_length = 10, .max_length = text};
  c[4] = {.name = "is_active", .kind = field_kind::boolean};

  order_line_.resize(3);
  auto& l = order_line_;
  l[0] = {.name = "menu_item_id", .kind = field_kind::integer, .required = true};
  l[1] = {.name = "quantity", .kind = field_kind::integer, .required = true, .minimum = 1.0, .maximum = 1000.0};
  l[2] = {.name = "special_requests", .nullable = true, .max_length = 500};

  order_.resize(4);
  auto& o = order_;
  o[0] = {.name = "restaurant_id", .kind = field_kind::integer, .required = true};
  o[1] = {.name = "delivery_address", .required = true, .min_length = 10, .max_length = text};
  o[2] = {.name = "special_instructions", .nullable = true, .max_length = 1000};
  o[3] = {.name = "order_items",
          .kind = field_kind::object_list,
          .required = true,
          .min_length = 1,
          .max_length = limits.max_order_lines,
          .description = "The order's total (current prices) may not exceed " +
                         domain::format_amount(domain::max_order_total_cents),
          .item_rules = &order_line_,
          .item_schema = "OrderLineCreate"};

  status_.resize(2);
  status_[0] = {.name = "order_status", .kind = field_kind::choice, .required = true, .choices = status_names()};
  status_[1] = {.name = "delivery_time",
                .kind = field_kind::timestamp,
                .nullable = true,
                .description = "Used when the order becomes delivered; defaults to now"};

  review_.resize(2);
  review_[0] = {.name = "rating", .kind = field_kind::integer, .required = true, .minimum = 1.0, .maximum = 5.0};
  review_[1] = {.name = "comment", .nullable = true, .max_length = 1000};
}

const body_rules& body_rules::defaults() {
  static const body_rules rules{body_limits{}};
  return rules;
}

}  // namespace zomato::schemas
