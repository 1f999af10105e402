#include "schemas/customer_schemas.hpp"

#include "domain/money.hpp"
#include "schemas/order_schemas.hpp"

namespace zomato::schemas {

std::string render_customer_analytics(domain::id_t customer_id, const domain::customer_order_summary& s) {
  http::json_writer out;
  out.begin_object()
      .field("customer_id", customer_id)
      .field("total_orders", s.total_orders)
      .field("total_spent", domain::format_amount(s.spent))
      .field("average_order_value", domain::format_amount(domain::average_cents(s.spent, s.paid_orders)));
  write_order_counts(out, "favorite_restaurants", "restaurant_id", s.favorite_restaurants,
                     &domain::restaurant_order_count::restaurant_id, &domain::restaurant_order_count::order_count);
  write_status_breakdown(out, s.by_status);
  out.end_object();
  return std::move(out.text());
}

}  // namespace zomato::schemas
