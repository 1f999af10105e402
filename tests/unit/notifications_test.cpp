// The notifications a customer gets for their order's statuses and the review request.

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "domain/notifications.hpp"
#include "domain/order_status.hpp"

namespace zomato::domain {
namespace {

order sample_order() {
  order o;
  o.id = 42;
  o.customer_id = 7;
  o.restaurant_id = 3;
  o.status = order_status::placed;
  o.total = 3497;
  o.delivery_address = "456 Oak Ave, City";
  o.order_date = "2026-11-25T10:17:00";
  return o;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(StatusNotification, TitlesNameEveryStatus) {
  const std::vector<std::pair<order_status, std::string>> titles{{order_status::placed, "Order Placed"},
                                                                 {order_status::confirmed, "Order Confirmed"},
                                                                 {order_status::preparing, "Order Being Prepared"},
                                                                 {order_status::out_for_delivery, "Out for Delivery"},
                                                                 {order_status::delivered, "Order Delivered"},
                                                                 {order_status::cancelled, "Order Cancelled"}};
  for (const auto& [status, title] : titles) {
    EXPECT_EQ(status_notification(sample_order(), "Pizza Palace", status, "2026-11-25T10:20:00").title, title)
        << name_of(status);
  }
}

TEST(StatusNotification, TitlesAreDistinct) {
  std::vector<std::string> seen;
  for (const auto status : all_order_statuses) {
    const auto title = status_notification(sample_order(), "Pizza Palace", status, "2026-11-25T10:20:00").title;
    for (const auto& earlier : seen) EXPECT_NE(title, earlier) << name_of(status);
    seen.push_back(title);
  }
}

TEST(StatusNotification, KindsSeparateDeliveryFromOrderUpdates) {
  const auto kind = [](order_status status) {
    return status_notification(sample_order(), "Pizza Palace", status, "2026-11-25T10:20:00").kind;
  };
  EXPECT_EQ(kind(order_status::placed), "order_update");
  EXPECT_EQ(kind(order_status::confirmed), "order_update");
  EXPECT_EQ(kind(order_status::preparing), "order_update");
  EXPECT_EQ(kind(order_status::cancelled), "order_update");
  EXPECT_EQ(kind(order_status::out_for_delivery), "delivery_update");
  EXPECT_EQ(kind(order_status::delivered), "delivery_update");
}

TEST(StatusNotification, MessageNamesTheStatusTheOrderAndTheRestaurant) {
  for (const auto status : all_order_statuses) {
    const auto note = status_notification(sample_order(), "Sushi Zen", status, "2026-11-25T10:20:00");
    const std::string status_name(name_of(status));
    EXPECT_TRUE(contains(note.message, status_name)) << note.message;
    EXPECT_TRUE(contains(note.message, "#42")) << note.message;
    EXPECT_TRUE(contains(note.message, "Sushi Zen")) << note.message;
  }
  EXPECT_EQ(status_notification(sample_order(), "Sushi Zen", order_status::confirmed, "2026-11-25T10:20:00").message,
            "Your order #42 from Sushi Zen is now confirmed");
}

TEST(StatusNotification, BelongsToTheCustomerAndTheOrderUnread) {
  const auto note = status_notification(sample_order(), "Pizza Palace", order_status::preparing, "2026-11-25T10:25:00");
  EXPECT_EQ(note.customer_id, 7);
  ASSERT_TRUE(note.order_id.has_value());
  EXPECT_EQ(*note.order_id, 42);
  EXPECT_EQ(note.created_at, "2026-11-25T10:25:00");
  EXPECT_FALSE(note.read);
  EXPECT_EQ(note.id, 0);  // assigned when stored
}

TEST(StatusNotification, UsesTheGivenStatusNotTheOrders) {
  auto o = sample_order();
  o.status = order_status::placed;
  const auto note = status_notification(o, "Pizza Palace", order_status::delivered, "2026-11-25T11:00:00");
  EXPECT_EQ(note.title, "Order Delivered");
  EXPECT_TRUE(contains(note.message, "delivered")) << note.message;
  EXPECT_FALSE(contains(note.message, "placed")) << note.message;
}

TEST(ReviewRequest, AsksForAReviewOfTheOrder) {
  auto o = sample_order();
  o.status = order_status::delivered;
  const auto note = review_request(o, "Curry House", "2026-11-25T11:00:00");
  EXPECT_EQ(note.kind, "review_request");
  EXPECT_EQ(note.title, "Rate Your Order");
  EXPECT_EQ(note.message, "How was your order #42 from Curry House? Leave a review");
  EXPECT_EQ(note.customer_id, 7);
  ASSERT_TRUE(note.order_id.has_value());
  EXPECT_EQ(*note.order_id, 42);
  EXPECT_EQ(note.created_at, "2026-11-25T11:00:00");
  EXPECT_FALSE(note.read);
}

TEST(ReviewRequest, DiffersFromTheDeliveredNotification) {
  auto o = sample_order();
  const auto ask = review_request(o, "Curry House", "2026-11-25T11:00:00");
  const auto delivered = status_notification(o, "Curry House", order_status::delivered, "2026-11-25T11:00:00");
  EXPECT_NE(ask.kind, delivered.kind);
  EXPECT_NE(ask.title, delivered.title);
  EXPECT_NE(ask.message, delivered.message);
}

}  // namespace
}  // namespace zomato::domain
