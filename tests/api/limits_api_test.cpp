// Data limits through the real binary: the configured lines per order and text length, the
// price cap and the order total cap, each refused with its own 4xx and stated in /openapi.json.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "support/order_fixtures.hpp"

namespace zomato::testing {
namespace {

using namespace order_fixtures;

std::int64_t id_of(const json& object) { return object.at("id").get<std::int64_t>(); }

class ConfiguredLimits : public ::testing::Test {
 public:
  static void SetUpTestSuite() {
    server_ = std::make_unique<server_process>(
        std::map<std::string, std::string>{{"MAX_ORDER_LINES", "3"}, {"MAX_TEXT_LENGTH", "120"}});
  }
  static void TearDownTestSuite() { server_.reset(); }

 protected:
  checked_client& api() { return client_; }

 private:
  static inline std::unique_ptr<server_process> server_;
  checked_client client_{server_->port()};
};

TEST_F(ConfiguredLimits, AnOrderOfMoreLinesThanConfiguredIs422AndWritesNothing) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto dish = id_of(create_item(api(), restaurant_id, 5.0));
  const auto customer_id = id_of(create_customer(api()));
  EXPECT_EQ(api().post(orders_of(customer_id), order_body(restaurant_id, {{dish, 1}, {dish, 1}, {dish, 1}})).status,
            201);
  const auto refused =
      api().post(orders_of(customer_id), order_body(restaurant_id, {{dish, 1}, {dish, 1}, {dish, 1}, {dish, 1}}));
  EXPECT_TRUE(has_problem(refused, {"body", "order_items"}, "too_long"));
  EXPECT_EQ(api().get(orders_of(customer_id)).json()["total"], 1);
}

TEST_F(ConfiguredLimits, TextPastTheConfiguredLengthIs422) {
  auto body = restaurant_body(unique_name("Long Story"));
  body["description"] = std::string(121, 'x');
  EXPECT_TRUE(has_problem(api().post("/restaurants/", body), {"body", "description"}, "string_too_long"));
  body["description"] = std::string(120, 'x');
  EXPECT_EQ(api().post("/restaurants/", body).status, 201);
}

TEST_F(ConfiguredLimits, APricePastTheCapIs422) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const json body{{"name", "Gold Leaf Platter"}, {"price", 99999999.99}, {"category", "Feast"}};
  EXPECT_TRUE(has_problem(api().post("/restaurants/" + str(restaurant_id) + "/menu-items/", body), {"body", "price"},
                          "less_than_equal"));
}

TEST_F(ConfiguredLimits, AnOrderPastTheTotalCapIs400) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto feast = id_of(create_item(api(), restaurant_id, 100000.0));
  const auto customer_id = id_of(create_customer(api()));
  EXPECT_TRUE(is_detail(api().post(orders_of(customer_id), order_body(restaurant_id, {{feast, 11}})), 400,
                        "Order total exceeds the maximum of 1000000.00"));
  EXPECT_EQ(api().post(orders_of(customer_id), order_body(restaurant_id, {{feast, 10}})).status, 201);
}

TEST_F(ConfiguredLimits, TheOpenapiDocumentStatesThem) {
  const auto schemas = api().get("/openapi.json").json()["components"]["schemas"];
  EXPECT_EQ(schemas["OrderCreate"]["properties"]["order_items"]["maxItems"], 3);
  EXPECT_EQ(schemas["OrderCreate"]["properties"]["delivery_address"]["maxLength"], 120);
  EXPECT_EQ(schemas["OrderLineCreate"]["properties"]["quantity"]["maximum"], 1000.0);
  EXPECT_EQ(schemas["MenuItemCreate"]["properties"]["price"]["maximum"], 100000.0);
  EXPECT_EQ(schemas["RestaurantCreate"]["properties"]["description"]["maxLength"], 120);
}

}  // namespace
}  // namespace zomato::testing
