#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/money.hpp"

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

}  // namespace zomato::domain
