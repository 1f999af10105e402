#include "schemas/customer_schemas.hpp"

#include "domain/money.hpp"
#include "schemas/order_schemas.hpp"

namespace zomato::schemas {

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

std::string render(const domain::customer& customer) { return render_object(customer); }

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
  write_status_breakdown(out, s.by_status);
  out.end_object();
  return std::move(out.text());
}

const response_shape& customer_shape() {
  static const response_shape shape{{"id", "integer"},          {"name", "string"},      {"email", "string"},
                                    {"phone_number", "string"}, {"address", "string"},   {"is_active", "boolean"},
                                    {"created_at", "string"},   {"updated_at", "string"}};
  return shape;
}

}  // namespace zomato::schemas
