#include "domain/notifications.hpp"

namespace zomato::domain {
namespace {

std::string title_of(order_status status) {
  switch (status) {
    case order_status::placed: return "Order Placed";
    case order_status::confirmed: return "Order Confirmed";
    case order_status::preparing: return "Order Being Prepared";
    case order_status::out_for_delivery: return "Out for Delivery";
    case order_status::delivered: return "Order Delivered";
    case order_status::cancelled: return "Order Cancelled";
  }
  return "Order Update";
}

}  // namespace

notification status_notification(const order& placed, const std::string& restaurant_name, order_status status,
                                 const std::string& at) {
  notification n;
  n.customer_id = placed.customer_id;
  n.order_id = placed.id;
  n.kind = status == order_status::out_for_delivery || status == order_status::delivered ? "delivery_update"
                                                                                         : "order_update";
  n.title = title_of(status);
  n.message = "Your order #" + std::to_string(placed.id) + " from " + restaurant_name + " is now " +
              std::string(name_of(status));
  n.created_at = at;
  return n;
}

notification review_request(const order& delivered, const std::string& restaurant_name, const std::string& at) {
  notification n;
  n.customer_id = delivered.customer_id;
  n.order_id = delivered.id;
  n.kind = "review_request";
  n.title = "Rate Your Order";
  n.message = "How was your order #" + std::to_string(delivered.id) + " from " + restaurant_name + "? Leave a review";
  n.created_at = at;
  return n;
}

}  // namespace zomato::domain
