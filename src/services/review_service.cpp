#include "services/review_service.hpp"

#include "domain/clock.hpp"

namespace zomato::services {
namespace {

store::page_of<review_with_customer> with_customers(store::session& tx, store::page_of<domain::review>&& reviews) {
  store::page_of<review_with_customer> result;
  result.total = reviews.total;
  for (auto& review : reviews.items) {
    auto customer = tx.customers().find(review.customer_id);
    if (customer) result.items.push_back({std::move(review), std::move(*customer)});
  }
  return result;
}

}  // namespace

domain::result<domain::review> review_service::add(write_context& writes, domain::id_t order_id,
                                                   domain::id_t customer_id, std::int64_t rating,
                                                   const std::optional<std::string>& comment) {
  auto tx = db_.write();
  const auto order = tx->orders().find(order_id);
  if (!order || !writes.caller().may_see(*order)) return domain::not_found("Order not found");
  if (!tx->customers().find(customer_id)) return domain::not_found("Customer not found");
  if (order->customer_id != customer_id) return domain::rule_violation("Customer can only review their own orders");
  if (order->status != domain::order_status::delivered) {
    return domain::rule_violation("Can only review delivered orders");
  }
  if (tx->reviews().of_order(order_id)) return domain::rule_violation("Order has already been reviewed");
  domain::review review{0, customer_id, order->restaurant_id, order_id, rating, comment, domain::now_timestamp()};
  tx->reviews().insert(review);
  tx->reviews().refresh_rating(order->restaurant_id);
  tx->notifications().mark_order_read(order_id);
  writes.commit(*tx, change::review_added, {order->restaurant_id, customer_id, order_id});
  return review;
}

domain::result<store::page_of<review_with_customer>> review_service::of_restaurant(domain::id_t restaurant_id,
                                                                                   const domain::time_range& written,
                                                                                   store::page window) {
  auto tx = db_.read();
  if (!tx->restaurants().find(restaurant_id)) return domain::not_found("Restaurant not found");
  return with_customers(*tx, tx->reviews().of_restaurant(restaurant_id, written, window));
}

domain::result<store::page_of<review_with_customer>> review_service::of_customer(domain::id_t customer_id,
                                                                                 const domain::time_range& written,
                                                                                 store::page window) {
  auto tx = db_.read();
  if (!tx->customers().find(customer_id)) return domain::not_found("Customer not found");
  return with_customers(*tx, tx->reviews().of_customer(customer_id, written, window));
}

domain::result<domain::restaurant_order_summary> review_service::restaurant_analytics(domain::id_t restaurant_id) {
  auto tx = db_.read();
  if (!tx->restaurants().find(restaurant_id)) return domain::not_found("Restaurant not found");
  return tx->orders().restaurant_summary(restaurant_id);
}

}  // namespace zomato::services
