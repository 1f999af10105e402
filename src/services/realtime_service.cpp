#include "services/realtime_service.hpp"

#include <cmath>

#include "domain/clock.hpp"

namespace zomato::services {
namespace {

const char* const restaurant_missing = "Restaurant not found";

int hour_of(clock_time now) {
  const auto since_midnight = now - std::chrono::floor<std::chrono::days>(now);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(since_midnight).count());
}

std::int64_t preparation_of(store::session& tx, domain::id_t restaurant_id) {
  return tx.kitchens().menu_preparation(restaurant_id).value_or(domain::default_preparation_minutes);
}

}  // namespace

domain::result<slots_view> realtime_service::delivery_slots(domain::id_t restaurant_id, clock_time now) {
  auto tx = db_.read();
  auto restaurant = tx->restaurants().find(restaurant_id);
  if (!restaurant) return domain::not_found(restaurant_missing);
  std::vector<std::int64_t> due_minutes;
  for (const auto& pending : tx->kitchens().pending_orders(restaurant_id)) {
    const auto placed = domain::time_point_of(pending.order_date);
    if (!placed) continue;
    const auto due = *placed + std::chrono::minutes(pending.preparation_minutes + domain::delivery_minutes);
    due_minutes.push_back(std::chrono::duration_cast<std::chrono::minutes>(due - now).count());
  }
  auto slots = domain::delivery_slots(now, restaurant->opening_time, restaurant->closing_time, due_minutes,
                                      preparation_of(*tx, restaurant_id));
  return slots_view{std::move(*restaurant), std::move(slots)};
}

domain::result<availability_view> realtime_service::availability(domain::id_t restaurant_id, clock_time now) {
  auto tx = db_.read();
  auto restaurant = tx->restaurants().find(restaurant_id);
  if (!restaurant) return domain::not_found(restaurant_missing);
  availability_view view;
  view.active_orders = tx->kitchens().active_orders(restaurant_id);
  view.capacity_percent = domain::capacity_percent(view.active_orders);
  view.status = domain::availability_status(view.capacity_percent);
  view.wait_minutes = domain::wait_minutes(preparation_of(*tx, restaurant_id), view.active_orders);
  view.accepting_orders = restaurant->is_active && view.capacity_percent < 100.0 &&
                          domain::is_open(now, restaurant->opening_time, restaurant->closing_time);
  view.restaurant = std::move(*restaurant);
  return view;
}

domain::result<pricing_view> realtime_service::pricing(domain::id_t restaurant_id, clock_time now) {
  auto tx = db_.read();
  auto restaurant = tx->restaurants().find(restaurant_id);
  if (!restaurant) return domain::not_found(restaurant_missing);
  pricing_view view;
  view.active_orders = tx->kitchens().active_orders(restaurant_id);
  view.surge = domain::surge_for(view.active_orders, hour_of(now));
  view.current_delivery_fee = std::round(domain::base_delivery_fee * view.surge.multiplier * 100.0) / 100.0;
  view.restaurant = std::move(*restaurant);
  return view;
}

domain::result<tracking_view> realtime_service::tracking(const domain::principal& caller, domain::id_t order_id) {
  auto tx = db_.read();
  auto order = tx->orders().find(order_id);
  if (!order || !caller.may_see(*order)) return domain::not_found("Order not found");
  tracking_view view;
  view.history = tx->orders().history(order_id);
  if (order->status == domain::order_status::delivered) {
    view.estimated_delivery_time = order->delivery_time;
  } else if (order->status != domain::order_status::cancelled) {
    const auto placed = domain::time_point_of(order->order_date);
    const auto preparation = tx->kitchens().order_preparation(order_id).value_or(domain::default_preparation_minutes);
    if (placed) {
      view.estimated_delivery_time =
          domain::format_timestamp(*placed + std::chrono::minutes(preparation + domain::delivery_minutes));
    }
  }
  view.order = std::move(*order);
  return view;
}

domain::result<notifications_view> realtime_service::notifications(domain::id_t customer_id) {
  auto tx = db_.read();
  if (!tx->customers().find(customer_id)) return domain::not_found("Customer not found");
  return notifications_view{tx->notifications().of_customer(customer_id, 50),
                            tx->notifications().unread_count(customer_id)};
}

}  // namespace zomato::services
