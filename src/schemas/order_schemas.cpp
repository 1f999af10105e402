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

void write_fields(http::json_writer& out, const domain::order& o) {
  out.field("id", o.id)
      .field("customer_id", o.customer_id)
      .field("restaurant_id", o.restaurant_id)
      .field("order_status", domain::name_of(o.status))
      .field("total_amount", domain::format_amount(o.total))
      .field("delivery_address", o.delivery_address)
      .field("special_instructions", o.special_instructions)
      .field("order_date", o.order_date)
      .field("delivery_time", o.delivery_time);
}

void write_fields(http::json_writer& out, const domain::order_item& i) {
  out.field("id", i.id)
      .field("order_id", i.order_id)
      .field("menu_item_id", i.menu_item_id)
      .field("quantity", i.quantity)
      .field("item_price", domain::format_amount(i.item_price))
      .field("special_requests", i.special_requests);
}

std::string render(const domain::order& order) { return render_object(order); }

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

const response_shape& order_shape() {
  static const response_shape shape{{"id", "integer"},
                                    {"customer_id", "integer"},
                                    {"restaurant_id", "integer"},
                                    {"order_status", "string"},
                                    {"total_amount", "string"},
                                    {"delivery_address", "string"},
                                    {"special_instructions", "string", true},
                                    {"order_date", "string"},
                                    {"delivery_time", "string", true}};
  return shape;
}

const response_shape& order_item_shape() {
  static const response_shape shape{{"id", "integer"},           {"order_id", "integer"},
                                    {"menu_item_id", "integer"}, {"quantity", "integer"},
                                    {"item_price", "string"},    {"special_requests", "string", true},
                                    {"menu_item", "#MenuItem"}};
  return shape;
}

}  // namespace zomato::schemas
