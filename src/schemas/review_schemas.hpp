#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/entities.hpp"
#include "domain/summaries.hpp"
#include "http/problems.hpp"
#include "schemas/body_rules.hpp"
#include "schemas/body_validation.hpp"
#include "schemas/rendering.hpp"
#include "schemas/shapes.hpp"
#include "services/review_service.hpp"

namespace zomato::schemas {

struct review_request {
  std::int64_t rating = 0;
  std::optional<std::string> comment;
};
/// Checks a review body against `rules` and adds every problem to `found`.
review_request parse_review(std::string_view body, http::problems& found,
                            const body_rules& rules = body_rules::defaults());

/// {"reviews":[review + "customer"], "total", "skip", "limit"}
std::string render_reviews(const store::page_of<services::review_with_customer>& rows, store::page window);
/// {restaurant_id, total_orders, total_revenue, average_rating, total_reviews, popular_items, order_status_breakdown}
std::string render_restaurant_order_analytics(domain::id_t restaurant_id, const domain::restaurant_order_summary& s);

}  // namespace zomato::schemas
