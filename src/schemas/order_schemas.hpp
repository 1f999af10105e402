#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/entities.hpp"
#include "domain/summaries.hpp"
#include "http/json_writer.hpp"
#include "http/problems.hpp"
#include "schemas/body_rules.hpp"
#include "schemas/body_validation.hpp"
#include "schemas/rendering.hpp"
#include "schemas/shapes.hpp"
#include "services/order_service.hpp"

namespace zomato::schemas {

/// Each parser checks a request body against `rules` and adds every problem to `found`.
services::order_request parse_order(std::string_view body, http::problems& found,
                                    const body_rules& rules = body_rules::defaults());

struct status_request {
  domain::order_status status = domain::order_status::placed;
  std::optional<std::string> delivery_time;
};
status_request parse_status(std::string_view body, http::problems& found,
                            const body_rules& rules = body_rules::defaults());

/// An order with "customer", "restaurant" and "order_items" (each with "menu_item").
std::string render(const services::order_details& details);
/// "<list>": [{"<id_key>": id, "name": name, "order_count": count}, ...] for rows that have an
/// id, a name and a count, as customer and restaurant analytics show them.
template <class Row>
void write_order_counts(http::json_writer& out, http::literal_key list, http::literal_key id_key,
                        const std::vector<Row>& rows, domain::id_t Row::*id, std::int64_t Row::*count) {
  out.key(list).begin_array();
  for (const auto& row : rows) {
    out.begin_object().key(id_key).value(row.*id).field("name", row.name).field("order_count", row.*count).end_object();
  }
  out.end_array();
}

/// "order_status_breakdown": {status: count, ...}, as customer and restaurant analytics show it.
void write_status_breakdown(http::json_writer& out, const std::vector<domain::status_count>& counts);

/// An order line's keys with its "menu_item", for the API documentation.
const shape& order_item_shape();

}  // namespace zomato::schemas
