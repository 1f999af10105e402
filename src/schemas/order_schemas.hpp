#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/entities.hpp"
#include "domain/patches.hpp"
#include "domain/summaries.hpp"
#include "http/problems.hpp"
#include "schemas/body_rules.hpp"
#include "schemas/fields.hpp"
#include "schemas/rendering.hpp"
#include "schemas/response_shapes.hpp"
#include "services/order_service.hpp"
#include "services/review_service.hpp"

namespace zomato::schemas {

/// Each parser checks a request body against `rules` and adds every problem to `found`.
domain::customer parse_customer(std::string_view body, http::problems& found,
                                const body_rules& rules = body_rules::defaults());
domain::customer_patch parse_customer_patch(std::string_view body, http::problems& found,
                                            const body_rules& rules = body_rules::defaults());
services::order_request parse_order(std::string_view body, http::problems& found,
                                    const body_rules& rules = body_rules::defaults());

struct status_request {
  domain::order_status status = domain::order_status::placed;
  std::optional<std::string> delivery_time;
};
status_request parse_status(std::string_view body, http::problems& found,
                            const body_rules& rules = body_rules::defaults());

struct review_request {
  std::int64_t rating = 0;
  std::optional<std::string> comment;
};
review_request parse_review(std::string_view body, http::problems& found,
                            const body_rules& rules = body_rules::defaults());

std::string render(const domain::customer& customer);
std::string render(const domain::order& order);
std::string render(const domain::review& review);
/// An order with "customer", "restaurant" and "order_items" (each with "menu_item").
std::string render(const services::order_details& details);
/// {"reviews":[review + "customer"], "total", "skip", "limit"}
std::string render_reviews(const store::page_of<services::review_with_customer>& rows, store::page window);
/// {customer_id, total_orders, total_spent, average_order_value, favorite_restaurants, order_status_breakdown}
std::string render_customer_analytics(domain::id_t customer_id, const domain::customer_order_summary& summary);
/// {restaurant_id, total_orders, total_revenue, average_rating, total_reviews, popular_items, order_status_breakdown}
std::string render_restaurant_order_analytics(domain::id_t restaurant_id, const domain::restaurant_order_summary& s);

const response_shape& customer_shape();
const response_shape& order_shape();
const response_shape& order_item_shape();
const response_shape& review_shape();

}  // namespace zomato::schemas
