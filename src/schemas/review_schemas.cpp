#include "schemas/review_schemas.hpp"

#include "domain/money.hpp"
#include "domain/rounding.hpp"
#include "schemas/order_schemas.hpp"

namespace zomato::schemas {

review_request parse_review(std::string_view body, http::problems& found, const body_rules& rules) {
  const auto v = validate_body(body, rules.review(), body_mode::create, found);
  return {v.integer("rating"), v.optional_text("comment")};
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

std::string render_restaurant_order_analytics(domain::id_t restaurant_id, const domain::restaurant_order_summary& s) {
  http::json_writer out;
  out.begin_object()
      .field("restaurant_id", restaurant_id)
      .field("total_orders", s.total_orders)
      .field("total_revenue", domain::format_amount(s.revenue))
      .field("average_rating", domain::rounded_quotient(s.rating_sum, s.review_count, 2))
      .field("total_reviews", s.review_count);
  write_order_counts(out, "popular_items", "menu_item_id", s.popular_items, &domain::item_popularity::menu_item_id,
                     &domain::item_popularity::quantity);
  write_status_breakdown(out, s.by_status);
  out.end_object();
  return std::move(out.text());
}

}  // namespace zomato::schemas
