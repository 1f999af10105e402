#include "schemas/catalog_schemas.hpp"

#include "domain/money.hpp"

namespace zomato::schemas {

domain::restaurant parse_restaurant(std::string_view body, http::problems& found, const body_rules& rules) {
  const auto v = validate_body(body, rules.restaurant(), body_mode::create, found);
  domain::restaurant r;
  r.name = v.text("name");
  r.description = v.optional_text("description");
  r.cuisine_type = v.text("cuisine_type");
  r.address = v.text("address");
  r.phone_number = v.text("phone_number");
  r.rating = v.has("rating") ? v.number("rating") : 0.0;
  r.is_active = v.has("is_active") ? v.flag("is_active") : true;
  r.opening_time = v.optional_text("opening_time");
  r.closing_time = v.optional_text("closing_time");
  return r;
}

domain::restaurant_patch parse_restaurant_patch(std::string_view body, http::problems& found, const body_rules& rules) {
  const auto v = validate_body(body, rules.restaurant(), body_mode::update, found);
  domain::restaurant_patch p;
  if (v.has("name")) p.name = v.text("name");
  if (v.has("description")) p.description = v.optional_text("description");
  if (v.has("cuisine_type")) p.cuisine_type = v.text("cuisine_type");
  if (v.has("address")) p.address = v.text("address");
  if (v.has("phone_number")) p.phone_number = v.text("phone_number");
  if (v.has("rating")) p.rating = v.number("rating");
  if (v.has("is_active")) p.is_active = v.flag("is_active");
  if (v.has("opening_time")) p.opening_time = v.optional_text("opening_time");
  if (v.has("closing_time")) p.closing_time = v.optional_text("closing_time");
  return p;
}

domain::menu_item parse_menu_item(std::string_view body, http::problems& found, const body_rules& rules) {
  const auto v = validate_body(body, rules.menu_item(), body_mode::create, found);
  domain::menu_item m;
  m.name = v.text("name");
  m.description = v.optional_text("description");
  m.price = v.integer("price");
  m.category = v.text("category");
  m.is_vegetarian = v.flag("is_vegetarian");
  m.is_vegan = v.flag("is_vegan");
  m.is_gluten_free = v.flag("is_gluten_free");
  m.is_available = v.has("is_available") ? v.flag("is_available") : true;
  m.preparation_time = v.optional_integer("preparation_time");
  return m;
}

domain::menu_item_patch parse_menu_item_patch(std::string_view body, http::problems& found, const body_rules& rules) {
  const auto v = validate_body(body, rules.menu_item(), body_mode::update, found);
  domain::menu_item_patch p;
  if (v.has("name")) p.name = v.text("name");
  if (v.has("description")) p.description = v.optional_text("description");
  if (v.has("price")) p.price = v.integer("price");
  if (v.has("category")) p.category = v.text("category");
  if (v.has("is_vegetarian")) p.is_vegetarian = v.flag("is_vegetarian");
  if (v.has("is_vegan")) p.is_vegan = v.flag("is_vegan");
  if (v.has("is_gluten_free")) p.is_gluten_free = v.flag("is_gluten_free");
  if (v.has("is_available")) p.is_available = v.flag("is_available");
  if (v.has("preparation_time")) p.preparation_time = v.optional_integer("preparation_time");
  return p;
}

void write_fields(http::json_writer& out, const domain::restaurant& r) {
  out.field("id", r.id)
      .field("name", r.name)
      .field("description", r.description)
      .field("cuisine_type", r.cuisine_type)
      .field("address", r.address)
      .field("phone_number", r.phone_number)
      .field("rating", r.rating)
      .field("is_active", r.is_active)
      .field("opening_time", r.opening_time)
      .field("closing_time", r.closing_time)
      .field("created_at", r.created_at)
      .field("updated_at", r.updated_at);
}

void write_fields(http::json_writer& out, const domain::menu_item& m) {
  out.field("id", m.id)
      .field("restaurant_id", m.restaurant_id)
      .field("name", m.name)
      .field("description", m.description)
      .key("price")
      .raw(domain::format_price(m.price))
      .field("category", m.category)
      .field("is_vegetarian", m.is_vegetarian)
      .field("is_vegan", m.is_vegan)
      .field("is_gluten_free", m.is_gluten_free)
      .field("is_available", m.is_available)
      .field("preparation_time", m.preparation_time)
      .field("created_at", m.created_at)
      .field("updated_at", m.updated_at);
}

std::string render(const domain::restaurant& restaurant) { return render_object(restaurant); }

std::string render(const domain::menu_item& item) { return render_object(item); }

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

const response_shape& restaurant_shape() {
  static const response_shape shape{{"id", "integer"},
                                    {"name", "string"},
                                    {"description", "string", true},
                                    {"cuisine_type", "string"},
                                    {"address", "string"},
                                    {"phone_number", "string"},
                                    {"rating", "number"},
                                    {"is_active", "boolean"},
                                    {"opening_time", "string", true},
                                    {"closing_time", "string", true},
                                    {"created_at", "string"},
                                    {"updated_at", "string"}};
  return shape;
}

const response_shape& menu_item_shape() {
  static const response_shape shape{{"id", "integer"},
                                    {"restaurant_id", "integer"},
                                    {"name", "string"},
                                    {"description", "string", true},
                                    {"price", "number"},
                                    {"category", "string"},
                                    {"is_vegetarian", "boolean"},
                                    {"is_vegan", "boolean"},
                                    {"is_gluten_free", "boolean"},
                                    {"is_available", "boolean"},
                                    {"preparation_time", "integer", true},
                                    {"created_at", "string"},
                                    {"updated_at", "string"}};
  return shape;
}

}  // namespace zomato::schemas
