#include <gtest/gtest.h>

#include "support/api_fixtures.hpp"

namespace zomato::testing {
namespace {

// An order acknowledged with 201 is still there after the server is killed with SIGKILL
// (no shutdown, no checkpoint) and started again on the same database file.
TEST(Durability, AnAcknowledgedOrderSurvivesKill9) {
  server_process first;
  std::int64_t order_id = 0;
  {
    api_client client(first.port());
    const auto restaurant = create_restaurant(client, restaurant_body(unique_name("Durable Place")));
    const auto item = create_menu_item(client, restaurant["id"].get<std::int64_t>(), menu_item_body("Durable Dish"));
    const auto customer = client.post_json("/customers/", {{"name", "Dee Durable"},
                                                           {"email", "dee.durable@example.com"},
                                                           {"phone_number", "+15550009999"},
                                                           {"address", "9 Persistent Road, Disk"}});
    ASSERT_EQ(customer.status, 201);
    const auto placed =
        client.post_json("/orders/customers/" + std::to_string(customer.json()["id"].get<std::int64_t>()) + "/orders/",
                         {{"restaurant_id", restaurant["id"]},
                          {"delivery_address", "9 Persistent Road, Disk"},
                          {"order_items", json::array({{{"menu_item_id", item["id"]}, {"quantity", 2}}})}});
    ASSERT_EQ(placed.status, 201);
    order_id = placed.json()["id"].get<std::int64_t>();
  }
  first.kill();

  server_process second({{"DATABASE_URL", first.database().url()}});
  api_client client(second.port());
  const auto found = client.get("/orders/" + std::to_string(order_id));
  ASSERT_EQ(found.status, 200);
  EXPECT_EQ(found.json()["order_items"].size(), 1u);
  EXPECT_EQ(found.json()["order_status"], "placed");
  EXPECT_EQ(second.stop(), 0);
}

}  // namespace
}  // namespace zomato::testing
