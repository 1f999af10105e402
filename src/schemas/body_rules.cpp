#include "schemas/body_rules.hpp"

#include <string>

#include "domain/money.hpp"
#include "domain/order_status.hpp"
#include "schemas/entity_bodies.hpp"

namespace zomato::schemas {

body_rules::body_rules(const body_limits& limits)
    : restaurant_(rules_of<domain::restaurant>(limits)),
      menu_item_(rules_of<domain::menu_item>(limits)),
      customer_(rules_of<domain::customer>(limits)),
      order_line_(rules_of<domain::order_item>(limits)),
      order_(rules_of<domain::order>(limits)),
      review_(rules_of<domain::review>(limits)) {
  order_.push_back({.name = "order_items",
                    .kind = field_kind::object_list,
                    .required = true,
                    .min_length = 1,
                    .max_length = limits.max_order_lines,
                    .description = "The order's total (current prices) may not exceed " +
                                   domain::format_amount(domain::max_order_total_cents),
                    .example = R"([{"menu_item_id":1,"quantity":2,"special_requests":"Extra spicy"}])",
                    .item_rules = &order_line_,
                    .item_schema = "OrderLineCreate"});

  status_.resize(2);
  status_[0] = {.name = "order_status",
                .kind = field_kind::choice,
                .required = true,
                .choices = domain::order_status_names(),
                .example = R"("confirmed")"};
  status_[1] = {.name = "delivery_time",
                .kind = field_kind::timestamp,
                .nullable = true,
                .description = "Used when the order becomes delivered; defaults to now"};
}

const body_rules& body_rules::defaults() {
  static const body_rules rules{body_limits{}};
  return rules;
}

}  // namespace zomato::schemas
