#pragma once

#include <string>
#include <string_view>

#include "domain/entities.hpp"
#include "domain/patches.hpp"
#include "domain/summaries.hpp"
#include "http/problems.hpp"
#include "schemas/body_rules.hpp"
#include "schemas/body_validation.hpp"
#include "schemas/rendering.hpp"
#include "schemas/response_shapes.hpp"

namespace zomato::schemas {

/// Each parser checks a request body against `rules` and adds every problem to `found`.
domain::customer parse_customer(std::string_view body, http::problems& found,
                                const body_rules& rules = body_rules::defaults());
domain::customer_patch parse_customer_patch(std::string_view body, http::problems& found,
                                            const body_rules& rules = body_rules::defaults());

std::string render(const domain::customer& customer);
/// {customer_id, total_orders, total_spent, average_order_value, favorite_restaurants, order_status_breakdown}
std::string render_customer_analytics(domain::id_t customer_id, const domain::customer_order_summary& summary);

const response_shape& customer_shape();

}  // namespace zomato::schemas
