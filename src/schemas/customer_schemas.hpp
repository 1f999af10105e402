#pragma once

#include <string>
#include <string_view>

#include "domain/entities.hpp"
#include "domain/patches.hpp"
#include "domain/summaries.hpp"
#include "http/problems.hpp"
#include "schemas/body_rules.hpp"
#include "schemas/body_validation.hpp"
#include "schemas/entity_bodies.hpp"
#include "schemas/rendering.hpp"
#include "schemas/shapes.hpp"

namespace zomato::schemas {

/// {customer_id, total_orders, total_spent, average_order_value, favorite_restaurants, order_status_breakdown}
std::string render_customer_analytics(domain::id_t customer_id, const domain::customer_order_summary& summary);

}  // namespace zomato::schemas
