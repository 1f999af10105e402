#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/money.hpp"
#include "domain/order_status.hpp"

namespace zomato::domain {

using id_t = std::int64_t;

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

struct order_item {
  id_t id = 0;
  id_t order_id = 0;
  id_t menu_item_id = 0;
  std::int64_t quantity = 1;
  cents item_price = 0;
  std::optional<std::string> special_requests;
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

/// One entry of an order's status history.
struct status_change {
  order_status status = order_status::placed;
  std::string at;
};

}  // namespace zomato::domain
