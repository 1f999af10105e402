#include "schemas/catalog_schemas.hpp"

namespace zomato::schemas {

std::string render_with_menu(const domain::restaurant& restaurant, const std::vector<domain::menu_item>& menu) {
  http::json_writer out;
  out.begin_object();
  write_fields(out, restaurant);
  out.key("menu_items").begin_array();
  for (const auto& item : menu) write_object(out, item);
  out.end_array().end_object();
  return std::move(out.text());
}

std::string render_with_restaurant(const domain::menu_item& item, const domain::restaurant& restaurant) {
  http::json_writer out;
  out.begin_object();
  write_fields(out, item);
  out.key("restaurant");
  write_object(out, restaurant);
  out.end_object();
  return std::move(out.text());
}

}  // namespace zomato::schemas
