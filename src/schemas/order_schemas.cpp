#include "schemas/order_schemas.hpp"

#include "domain/money.hpp"

namespace zomato::schemas {

void write_status_breakdown(http::json_writer& out, const std::vector<domain::status_count>& counts) {
  out.key("order_status_breakdown").begin_object();
  for (const auto& entry : counts) out.key_text(domain::name_of(entry.status)).value(entry.count);
  out.end_object();
}

services::order_request parse_order(std::string_view body, http::problems& found, const body_rules& rules) {
  const auto v = validate_body(body, rules.order(), body_mode::create, found);
  services::order_request request;
  request.restaurant_id = v.integer("restaurant_id");
  request.delivery_address = v.text("delivery_address");
  request.special_instructions = v.optional_text("special_instructions");
  for (const auto& line : v.items("order_items")) {
    request.items.push_back(
        {line.integer("menu_item_id"), line.integer("quantity"), line.optional_text("special_requests")});
  }
  return request;
}

status_request parse_status(std::string_view body, http::problems& found, const body_rules& rules) {
  const auto v = validate_body(body, rules.status(), body_mode::create, found);
  return {domain::order_status_named(v.text("order_status")).value_or(domain::order_status::placed),
          v.optional_text("delivery_time")};
}

std::string render(const services::order_details& details) {
  http::json_writer out;
  out.begin_object();
  write_fields(out, details.order);
  out.key("customer");
  write_object(out, details.customer);
  out.key("restaurant");
  write_object(out, details.restaurant);
  out.key("order_items").begin_array();
  for (const auto& line : details.lines) {
    out.begin_object();
    write_fields(out, line.item);
    out.key("menu_item");
    write_object(out, line.menu_item);
    out.end_object();
  }
  out.end_array().end_object();
  return std::move(out.text());
}

const shape& order_item_shape() {
  static const shape item = [] {
    auto keys = shape_of<domain::order_item>();
    keys.fields.push_back({"menu_item", component("MenuItem")});
    return keys;
  }();
  return item;
}

}  // namespace zomato::schemas
