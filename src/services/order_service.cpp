#include "services/order_service.hpp"

#include <chrono>
#include <limits>

#include "domain/clock.hpp"
#include "domain/money.hpp"
#include "domain/notifications.hpp"

namespace zomato::services {
namespace {

const char* const order_missing = "Order not found";

// The customer hears of the new status (earlier news of the order is now read), and of a
// delivered order is asked for a review.
void notify(store::session& tx, const domain::order& order, const std::string& at) {
  const auto restaurant = tx.restaurants().find(order.restaurant_id);
  const auto name = restaurant ? restaurant->name : std::string("the restaurant");
  tx.notifications().mark_order_read(order.id);
  auto update = domain::status_notification(order, name, order.status, at);
  tx.notifications().add(update);
  if (order.status == domain::order_status::delivered) {
    auto ask = domain::review_request(order, name, at);
    tx.notifications().add(ask);
  }
}

std::string day_ago() { return domain::format_timestamp(std::chrono::system_clock::now() - std::chrono::hours(24)); }

}  // namespace

domain::result<placed_order> order_service::place(write_context& writes, domain::id_t customer_id,
                                                  const order_request& request,
                                                  const std::optional<idempotency>& retry) {
  auto tx = db_.write();
  const auto customer = tx->customers().find(customer_id);
  if (!customer) return domain::not_found("Customer not found");
  if (retry) {
    if (const auto earlier = tx->idempotency_keys().find(customer_id, retry->key)) {
      if (earlier->request != retry->request) {
        return domain::request_mismatch("Idempotency-Key was already used with a different request");
      }
      if (auto first = tx->orders().find(earlier->order_id)) return placed_order{std::move(*first), true};
    }
  }
  if (!customer->is_active) return domain::rule_violation("Customer is not active");
  const auto restaurant = tx->restaurants().find(request.restaurant_id);
  if (!restaurant) return domain::not_found("Restaurant not found");
  if (!restaurant->is_active) return domain::rule_violation("Restaurant is not accepting orders");

  domain::order order;
  order.customer_id = customer_id;
  order.restaurant_id = request.restaurant_id;
  order.delivery_address = request.delivery_address;
  order.special_instructions = request.special_instructions;
  order.order_date = domain::now_timestamp();
  std::vector<domain::order_item> items;
  for (const auto& line : request.items) {
    const auto item = tx->menu_items().find(line.menu_item_id);
    if (!item || item->restaurant_id != request.restaurant_id) {
      return domain::rule_violation("Menu item " + std::to_string(line.menu_item_id) +
                                    " not found or doesn't belong to this restaurant");
    }
    if (!item->is_available) return domain::rule_violation("Menu item '" + item->name + "' is not available");
    domain::cents line_total = 0;
    if (__builtin_mul_overflow(item->price, line.quantity, &line_total) ||
        __builtin_add_overflow(order.total, line_total, &order.total) || order.total > domain::max_order_total_cents) {
      return domain::rule_violation("Order total exceeds the maximum of " +
                                    domain::format_amount(domain::max_order_total_cents));
    }
    items.push_back({0, 0, line.menu_item_id, line.quantity, item->price, line.special_requests});
  }
  tx->orders().insert(order, items);
  tx->orders().record_status(order.id, domain::order_status::placed, order.order_date);
  auto placed_note =
      domain::status_notification(order, restaurant->name, domain::order_status::placed, order.order_date);
  tx->notifications().add(placed_note);
  if (retry) {
    tx->idempotency_keys().forget_before(day_ago());
    tx->idempotency_keys().remember(customer_id, retry->key, retry->request, order.id, order.order_date);
  }
  writes.commit(*tx, change::order_placed, {order.restaurant_id, customer_id, order.id});
  return placed_order{std::move(order), false};
}

domain::result<order_details> order_service::details(const domain::principal& caller, domain::id_t id) {
  auto tx = db_.read();
  auto order = tx->orders().find(id);
  if (!order || !caller.may_see(*order)) return domain::not_found(order_missing);
  auto customer = tx->customers().find(order->customer_id);
  auto restaurant = tx->restaurants().find(order->restaurant_id);
  if (!customer || !restaurant) return domain::not_found(order_missing);
  order_details details{std::move(*order), std::move(*customer), std::move(*restaurant), {}};
  for (auto& item : tx->orders().items_of(id)) {
    auto menu_item = tx->menu_items().find(item.menu_item_id);
    if (menu_item) details.lines.push_back({std::move(item), std::move(*menu_item)});
  }
  return details;
}

domain::result<domain::order> order_service::change_status(write_context& writes, domain::id_t id,
                                                           domain::order_status to,
                                                           const std::optional<std::string>& delivery_time) {
  auto tx = db_.write();
  auto order = tx->orders().find(id);
  if (!order || !writes.caller().may_see(*order)) return domain::not_found(order_missing);
  if (writes.caller().as == domain::role::customer && to != domain::order_status::cancelled) return domain::forbidden();
  const auto from = order->status;
  if (!domain::can_transition(from, to)) return domain::rule_violation(domain::transition_refusal(from, to));
  const auto now = domain::now_timestamp();
  const auto delivered_at =
      to == domain::order_status::delivered ? std::optional(delivery_time.value_or(now)) : std::nullopt;
  if (!tx->orders().change_status(id, from, to, delivered_at)) {
    return domain::rule_violation(domain::transition_refusal(from, to));
  }
  tx->orders().record_status(id, to, now);
  order->status = to;
  if (delivered_at) order->delivery_time = delivered_at;
  notify(*tx, *order, now);
  writes.commit(*tx, change::order_status_changed, {order->restaurant_id, order->customer_id, id});
  return std::move(*order);
}

domain::result<store::page_of<domain::order>> order_service::of_customer(domain::id_t customer_id,
                                                                         const store::order_filter& filter,
                                                                         store::page window) {
  auto tx = db_.read();
  if (!tx->customers().find(customer_id)) return domain::not_found("Customer not found");
  return tx->orders().of_customer(customer_id, filter, window);
}

domain::result<store::page_of<domain::order>> order_service::of_restaurant(domain::id_t restaurant_id,
                                                                           const store::order_filter& filter,
                                                                           store::page window) {
  auto tx = db_.read();
  if (!tx->restaurants().find(restaurant_id)) return domain::not_found("Restaurant not found");
  return tx->orders().of_restaurant(restaurant_id, filter, window);
}

}  // namespace zomato::services
