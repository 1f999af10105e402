#include "schemas/order_schemas.hpp"

#include "domain/money.hpp"
#include "domain/rounding.hpp"

namespace zomato::schemas {
namespace {

void write_breakdown(http::json_writer& out, const std::vector<domain::status_count>& counts) {
  out.key("order_status_breakdown").begin_object();
  for (const auto& entry : counts) out.key_text(domain::name_of(entry.status)).value(entry.count);
  out.end_object();
}

}  // namespace

domain::customer parse_customer(std::string_view body, http::problems& found, const body_rules& rules) {
  const auto v = validate_body(body, rules.customer(), body_mode::create, found);
  domain::customer c;
  c.name = v.text("name");
  c.email = v.text("email");
  c.phone_number = v.text("phone_number");
  c.address = v.text("address");
  c.is_active = v.has("is_active") ? v.flag("is_active") : true;
  return c;
}

domain::customer_patch parse_customer_patch(std::string_view body, http::problems& found, const body_rules& rules) {
  const auto v = validate_body(body, rules.customer(), body_mode::update, found);
  domain::customer_patch p;
  if (v.has("name")) p.name = v.text("name");
  if (v.has("email")) p.email = v.text("email");
  if (v.has("phone_number")) p.phone_number = v.text("phone_number");
  if (v.has("address")) p.address = v.text("address");
  if (v.has("is_active")) p.is_active = v.flag("is_active");
  return p;
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

review_request parse_review(std::string_view body, http::problems& found, const body_rules& rules) {
  const auto v = validate_body(body, rules.review(), body_mode::create, found);
  return {v.integer("rating"), v.optional_text("comment")};
}

void write_fields(http::json_writer& out, const domain::customer& c) {
  out.field("id", c.id)
      .field("name", c.name)
      .field("email", c.email)
      .field("phone_number", c.phone_number)
      .field("address", c.address)
      .field("is_active", c.is_active)
      .field("created_at", c.created_at)
      .field("updated_at", c.updated_at);
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

void write_fields(http::json_writer& out, const domain::review& r) {
  out.field("id", r.id)
      .field("customer_id", r.customer_id)
      .field("restaurant_id", r.restaurant_id)
      .field("order_id", r.order_id)
      .field("rating", r.rating)
      .field("comment", r.comment)
      .field("created_at", r.created_at);
}

std::string render(const domain::customer& customer) { return render_object(customer); }
std::string render(const domain::order& order) { return render_object(order); }
std::string render(const domain::review& review) { return render_object(review); }

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

std::string render_reviews(const store::page_of<services::review_with_customer>& rows, store::page window) {
  http::json_writer out;
  out.begin_object().key("reviews").begin_array();
  for (const auto& row : rows.items) {
    out.begin_object();
    write_fields(out, row.review);
    out.key("customer");
    write_object(out, row.customer);
    out.end_object();
  }
  out.end_array().field("total", rows.total).field("skip", window.skip).field("limit", window.limit).end_object();
  return std::move(out.text());
}

std::string render_customer_analytics(domain::id_t customer_id, const domain::customer_order_summary& s) {
  http::json_writer out;
  out.begin_object()
      .field("customer_id", customer_id)
      .field("total_orders", s.total_orders)
      .field("total_spent", domain::format_amount(s.spent))
      .field("average_order_value", domain::format_amount(domain::average_cents(s.spent, s.paid_orders)))
      .key("favorite_restaurants")
      .begin_array();
  for (const auto& favorite : s.favorite_restaurants) {
    out.begin_object()
        .field("restaurant_id", favorite.restaurant_id)
        .field("name", favorite.name)
        .field("order_count", favorite.order_count)
        .end_object();
  }
  out.end_array();
  write_breakdown(out, s.by_status);
  out.end_object();
  return std::move(out.text());
}

std::string render_restaurant_order_analytics(domain::id_t restaurant_id, const domain::restaurant_order_summary& s) {
  http::json_writer out;
  out.begin_object()
      .field("restaurant_id", restaurant_id)
      .field("total_orders", s.total_orders)
      .field("total_revenue", domain::format_amount(s.revenue))
      .field("average_rating", domain::rounded_quotient(s.rating_sum, s.review_count, 2))
      .field("total_reviews", s.review_count)
      .key("popular_items")
      .begin_array();
  for (const auto& item : s.popular_items) {
    out.begin_object()
        .field("menu_item_id", item.menu_item_id)
        .field("name", item.name)
        .field("order_count", item.quantity)
        .end_object();
  }
  out.end_array();
  write_breakdown(out, s.by_status);
  out.end_object();
  return std::move(out.text());
}

const response_shape& customer_shape() {
  static const response_shape shape{{"id", "integer"},          {"name", "string"},      {"email", "string"},
                                    {"phone_number", "string"}, {"address", "string"},   {"is_active", "boolean"},
                                    {"created_at", "string"},   {"updated_at", "string"}};
  return shape;
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

const response_shape& review_shape() {
  static const response_shape shape{{"id", "integer"},       {"customer_id", "integer"}, {"restaurant_id", "integer"},
                                    {"order_id", "integer"}, {"rating", "integer"},      {"comment", "string", true},
                                    {"created_at", "string"}};
  return shape;
}

}  // namespace zomato::schemas
