// Who may do what with AUTH_MODE=jwt, over HTTP: the public routes, 401 for a missing or bad token,
// 403 for a role a route does not admit, 404 for another customer's or restaurant's resources,
// and what each role may do on its own. The server also has an ADMIN_TOKEN, an admin's bearer.

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "support/api_fixtures.hpp"
#include "support/tokens.hpp"

namespace zomato::testing {
namespace {

const std::string operator_token = "jwt-suite-admin-token-0123456789";

std::string str(std::int64_t id) { return std::to_string(id); }

::testing::AssertionResult not_authenticated(const http_reply& reply) {
  if (reply.header("www-authenticate") != "Bearer") {
    return ::testing::AssertionFailure() << "WWW-Authenticate is '" << reply.header("www-authenticate") << "'";
  }
  return is_detail(reply, 401, "Not authenticated");
}

::testing::AssertionResult forbidden(const http_reply& reply) {
  return is_detail(reply, 403, "Not enough permissions");
}

json order_body(std::int64_t restaurant_id, std::int64_t menu_item_id) {
  return {{"restaurant_id", restaurant_id},
          {"delivery_address", "456 Oak Ave, Springfield"},
          {"order_items", {{{"menu_item_id", menu_item_id}, {"quantity", 1}}}}};
}

// Two restaurants (each with a menu item) and two customers, each with an order at "their" restaurant.
struct world {
  std::int64_t restaurant_a = 0, restaurant_b = 0;
  std::int64_t item_a = 0, item_b = 0;
  std::int64_t customer_a = 0, customer_b = 0;
  std::int64_t order_a = 0, order_b = 0;
};

class JwtApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<server_process>(std::map<std::string, std::string>{
        {"AUTH_MODE", "jwt"}, {"JWT_SECRET", test_jwt_secret}, {"ADMIN_TOKEN", operator_token}});
  }
  static void TearDownTestSuite() { server_.reset(); }
  void SetUp() override {
    client_ = std::make_unique<api_client>(server_->port());
    made_ = make_world();
  }
  api_client& client() { return *client_; }
  const world& w() const { return made_; }

  http_reply as(const std::string& token, const std::string& method, const std::string& target,
                const json& body = nullptr) {
    return client().send(method, target, body.is_null() ? "" : body.dump(), bearer(token));
  }

  std::int64_t created_id(const http_reply& reply, const std::string& what) {
    EXPECT_EQ(reply.status, 201) << what << ": " << reply.body;
    return reply.status == 201 ? reply.json().at("id").get<std::int64_t>() : 0;
  }

  world make_world() {
    world made;
    const auto admin = admin_token();
    made.restaurant_a = created_id(as(admin, "POST", "/restaurants/", restaurant_body(unique_name("Alpha"))), "A");
    made.restaurant_b = created_id(as(admin, "POST", "/restaurants/", restaurant_body(unique_name("Beta"))), "B");
    made.item_a =
        created_id(as(restaurant_token(made.restaurant_a), "POST",
                      "/restaurants/" + str(made.restaurant_a) + "/menu-items/", menu_item_body("Alpha Soup")),
                   "item A");
    made.item_b = created_id(as(restaurant_token(made.restaurant_b), "POST",
                                "/restaurants/" + str(made.restaurant_b) + "/menu-items/", menu_item_body("Beta Soup")),
                             "item B");
    made.customer_a = created_id(client().post_json("/customers/", customer_body("Ann")), "customer A");
    made.customer_b = created_id(client().post_json("/customers/", customer_body("Ben")), "customer B");
    made.order_a =
        created_id(as(customer_token(made.customer_a), "POST", "/orders/customers/" + str(made.customer_a) + "/orders/",
                      order_body(made.restaurant_a, made.item_a)),
                   "order A");
    made.order_b =
        created_id(as(customer_token(made.customer_b), "POST", "/orders/customers/" + str(made.customer_b) + "/orders/",
                      order_body(made.restaurant_b, made.item_b)),
                   "order B");
    return made;
  }

  std::string status_of(std::int64_t order_id) {
    return as(admin_token(), "GET", "/orders/" + str(order_id)).json().value("order_status", "");
  }

  static std::unique_ptr<server_process> server_;
  std::unique_ptr<api_client> client_;
  world made_;
};

std::unique_ptr<server_process> JwtApi::server_;

TEST_F(JwtApi, PublicRoutesNeedNoTokenAndIgnoreABadOne) {
  const auto r = str(w().restaurant_a);
  const auto item = str(w().item_a);
  const std::vector<std::string> reads{"/",
                                       "/health",
                                       "/health/ready",
                                       "/docs",
                                       "/redoc",
                                       "/openapi.json",
                                       "/restaurants/",
                                       "/restaurants/active",
                                       "/restaurants/search?cuisine=ital",
                                       "/restaurants/" + r,
                                       "/restaurants/" + r + "/menu",
                                       "/restaurants/" + r + "/with-menu",
                                       "/restaurants/" + r + "/analytics",
                                       "/restaurants/analytics/popular-cuisines",
                                       "/restaurants/analytics/price-ranges",
                                       "/menu-items/",
                                       "/menu-items/search?vegetarian=true",
                                       "/menu-items/dietary/vegan",
                                       "/menu-items/category/Main%20Course",
                                       "/menu-items/" + item,
                                       "/menu-items/" + item + "/with-restaurant",
                                       "/realtime/delivery-slots/" + r,
                                       "/realtime/restaurant-availability/" + r,
                                       "/realtime/dynamic-pricing/" + r};
  for (const auto& target : reads) {
    EXPECT_EQ(client().get(target).status, 200) << target;
    EXPECT_EQ(client().get(target, bearer("garbage")).status, 200) << target << " with a bad token";
    EXPECT_EQ(as(restaurant_token(w().restaurant_b), "GET", target).status, 200)
        << target << " with another restaurant's token: public pages are nobody's own";
    EXPECT_EQ(as(customer_token(w().customer_a), "GET", target).status, 200) << target << " with a customer's token";
  }
  EXPECT_EQ(client().post_json("/customers/", customer_body("Registering")).status, 201);
}

TEST_F(JwtApi, GuardedRoutesRefuseAMissingOrBadTokenWith401) {
  const auto c = str(w().customer_a);
  const std::vector<std::pair<std::string, std::string>> guarded{
      {"GET", "/customers/" + c},
      {"PUT", "/customers/" + c},
      {"GET", "/orders/" + str(w().order_a)},
      {"GET", "/orders/customers/" + c + "/orders"},
      {"GET", "/realtime/notifications/" + c},
      {"GET", "/realtime/order-tracking/" + str(w().order_a)},
      {"PUT", "/orders/" + str(w().order_a) + "/status"},
      {"GET", "/customers/"},
      {"GET", "/analytics/popular-items"},
      {"GET", "/cache/stats"},
      {"GET", "/metrics"},
      {"DELETE", "/cache/clear"},
      {"POST", "/restaurants/"}};
  for (const auto& [method, target] : guarded) {
    EXPECT_TRUE(not_authenticated(client().send(method, target, method == "GET" ? "" : "{}")))
        << method << " " << target << " without a token";
    for (const auto& [what, token] : refused_tokens(w().customer_a)) {
      EXPECT_TRUE(not_authenticated(client().send(method, target, method == "GET" ? "" : "{}", bearer(token))))
          << method << " " << target << " with a token: " << what;
    }
  }
  EXPECT_TRUE(not_authenticated(client().get("/customers/" + c, {{"Authorization", "Basic YWRtaW46c2VjcmV0"}})));
  EXPECT_EQ(status_of(w().order_a), "placed");
}

TEST_F(JwtApi, ARoleARouteDoesNotAdmitIs403) {
  const auto customer = customer_token(w().customer_a);
  const auto restaurant = restaurant_token(w().restaurant_a);
  const auto r = str(w().restaurant_a);
  const auto c = str(w().customer_a);
  for (const auto& [method, target] :
       std::vector<std::pair<std::string, std::string>>{{"GET", "/orders/restaurants/" + r + "/orders"},
                                                        {"GET", "/reviews/restaurants/" + r + "/reviews"},
                                                        {"GET", "/reviews/restaurants/" + r + "/analytics"},
                                                        {"PUT", "/restaurants/" + r},
                                                        {"POST", "/restaurants/" + r + "/menu-items/"},
                                                        {"PUT", "/menu-items/" + str(w().item_a)},
                                                        {"DELETE", "/menu-items/" + str(w().item_a)},
                                                        {"GET", "/customers/"},
                                                        {"POST", "/restaurants/"},
                                                        {"GET", "/analytics/revenue/daily"},
                                                        {"GET", "/cache/stats"},
                                                        {"DELETE", "/cache/clear"},
                                                        {"POST", "/demo/sample-data"},
                                                        {"GET", "/metrics"}}) {
    EXPECT_TRUE(forbidden(client().send(method, target, method == "GET" ? "" : "{}", bearer(customer))))
        << "a customer: " << method << " " << target;
  }
  for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/customers/" + c},
           {"GET", "/customers/" + c + "/orders"},
           {"GET", "/realtime/notifications/" + c},
           {"POST", "/orders/customers/" + c + "/orders/"},
           {"POST", "/reviews/orders/" + str(w().order_a) + "/review?customer_id=" + c},
           {"DELETE", "/customers/" + c},
           {"DELETE", "/restaurants/" + r}}) {
    EXPECT_TRUE(forbidden(client().send(method, target, method == "GET" ? "" : "{}", bearer(restaurant))))
        << "a restaurant: " << method << " " << target;
  }
  EXPECT_EQ(client().get("/restaurants/" + r).status, 200) << "a refused DELETE removed the restaurant";
}

TEST_F(JwtApi, AnotherCustomersResourcesAreNotFound) {
  const auto intruder = customer_token(w().customer_b);
  const auto c = str(w().customer_a);
  for (const auto& target :
       {"/customers/" + c, "/customers/" + c + "/orders", "/customers/" + c + "/analytics",
        "/orders/customers/" + c + "/orders", "/reviews/customers/" + c + "/reviews", "/realtime/notifications/" + c}) {
    EXPECT_TRUE(is_detail(as(intruder, "GET", target), 404, "Customer not found")) << target;
  }
  EXPECT_TRUE(is_detail(as(intruder, "PUT", "/customers/" + c, {{"name", "Mallory"}}), 404, "Customer not found"));
  EXPECT_EQ(as(customer_token(w().customer_a), "GET", "/customers/" + c).json().value("name", ""), "Ann");
  EXPECT_TRUE(is_detail(as(intruder, "GET", "/orders/" + str(w().order_a)), 404, "Order not found"));
  EXPECT_TRUE(is_detail(as(intruder, "GET", "/realtime/order-tracking/" + str(w().order_a)), 404, "Order not found"));
  EXPECT_TRUE(is_detail(as(intruder, "PUT", "/orders/" + str(w().order_a) + "/status", {{"order_status", "cancelled"}}),
                        404, "Order not found"));
  EXPECT_EQ(status_of(w().order_a), "placed");
  EXPECT_TRUE(is_detail(as(intruder, "GET", "/orders/999999999"), 404, "Order not found"))
      << "a missing order answers the same";
}

TEST_F(JwtApi, ACustomerPlacesOrdersOnlyForThemselves) {
  const auto c = str(w().customer_a);
  const auto before = as(admin_token(), "GET", "/orders/customers/" + c + "/orders").json().value("total", -1);
  EXPECT_TRUE(is_detail(as(customer_token(w().customer_b), "POST", "/orders/customers/" + c + "/orders/",
                           order_body(w().restaurant_a, w().item_a)),
                        404, "Customer not found"));
  EXPECT_EQ(as(admin_token(), "GET", "/orders/customers/" + c + "/orders").json().value("total", -2), before);
  EXPECT_EQ(as(customer_token(w().customer_a), "POST", "/orders/customers/" + c + "/orders/",
               order_body(w().restaurant_a, w().item_a))
                .status,
            201);
}

TEST_F(JwtApi, ACustomerMayOnlyCancelTheirOrder) {
  const auto own = customer_token(w().customer_a);
  const auto target = "/orders/" + str(w().order_a) + "/status";
  EXPECT_TRUE(forbidden(as(own, "PUT", target, {{"order_status", "confirmed"}})));
  EXPECT_TRUE(forbidden(as(own, "PUT", target, {{"order_status", "delivered"}})));
  EXPECT_EQ(status_of(w().order_a), "placed");
  EXPECT_EQ(as(own, "PUT", target, {{"order_status", "cancelled"}}).status, 200);
  EXPECT_EQ(status_of(w().order_a), "cancelled");
  EXPECT_EQ(as(own, "PUT", target, {{"order_status", "cancelled"}}).status, 400) << "cancelled is final";
  EXPECT_EQ(as(own, "GET", "/orders/" + str(w().order_a)).status, 200);
  EXPECT_EQ(as(own, "GET", "/realtime/order-tracking/" + str(w().order_a)).status, 200);
  EXPECT_EQ(as(own, "GET", "/realtime/notifications/" + str(w().customer_a)).status, 200);
  EXPECT_EQ(as(own, "GET", "/customers/" + str(w().customer_a) + "/analytics").status, 200);
}

TEST_F(JwtApi, ARestaurantActsOnlyOnWhatIsItsOwn) {
  const auto own = restaurant_token(w().restaurant_a);
  const auto b = str(w().restaurant_b);
  EXPECT_TRUE(
      is_detail(as(own, "PUT", "/restaurants/" + b, {{"description", "taken over"}}), 404, "Restaurant not found"));
  EXPECT_TRUE(is_detail(as(own, "POST", "/restaurants/" + b + "/menu-items/", menu_item_body("Planted Dish")), 404,
                        "Restaurant not found"));
  EXPECT_TRUE(
      is_detail(as(own, "PUT", "/menu-items/" + str(w().item_b), {{"price", 1.0}}), 404, "Menu item not found"));
  EXPECT_TRUE(is_detail(as(own, "DELETE", "/menu-items/" + str(w().item_b)), 404, "Menu item not found"));
  EXPECT_EQ(client().get("/menu-items/" + str(w().item_b)).json().value("name", ""), "Beta Soup");
  for (const auto& target : {"/orders/restaurants/" + b + "/orders", "/reviews/restaurants/" + b + "/reviews",
                             "/reviews/restaurants/" + b + "/analytics"}) {
    EXPECT_TRUE(is_detail(as(own, "GET", target), 404, "Restaurant not found")) << target;
  }
  EXPECT_TRUE(is_detail(as(own, "GET", "/orders/" + str(w().order_b)), 404, "Order not found"));
  EXPECT_TRUE(is_detail(as(own, "PUT", "/orders/" + str(w().order_b) + "/status", {{"order_status", "confirmed"}}), 404,
                        "Order not found"));
  EXPECT_EQ(status_of(w().order_b), "placed") << "a restaurant moved another restaurant's order";

  const auto a = str(w().restaurant_a);
  EXPECT_EQ(as(own, "PUT", "/restaurants/" + a, {{"description", "Our own words"}}).status, 200);
  EXPECT_EQ(as(own, "PUT", "/menu-items/" + str(w().item_a), {{"price", 7.5}}).status, 200);
  EXPECT_EQ(as(own, "GET", "/orders/restaurants/" + a + "/orders").json().value("total", 0), 1);
  EXPECT_EQ(as(own, "GET", "/orders/" + str(w().order_a)).status, 200);
  EXPECT_EQ(as(own, "PUT", "/orders/" + str(w().order_a) + "/status", {{"order_status", "confirmed"}}).status, 200);
  EXPECT_EQ(as(own, "GET", "/reviews/restaurants/" + a + "/reviews").status, 200);
  EXPECT_EQ(as(own, "GET", "/reviews/restaurants/" + a + "/analytics").status, 200);
}

TEST_F(JwtApi, ACustomerReviewsOnlyTheirOwnDeliveredOrder) {
  const auto kitchen = restaurant_token(w().restaurant_a);
  const auto order = str(w().order_a);
  const json review{{"rating", 5}, {"comment", "Lovely"}};
  const auto review_as = [&](std::int64_t customer_id, std::int64_t named) {
    return as(customer_token(customer_id), "POST", "/reviews/orders/" + order + "/review?customer_id=" + str(named),
              review);
  };
  EXPECT_EQ(review_as(w().customer_a, w().customer_a).status, 400) << "not delivered yet";
  for (const auto* status : {"confirmed", "preparing", "out_for_delivery", "delivered"}) {
    ASSERT_EQ(as(kitchen, "PUT", "/orders/" + order + "/status", {{"order_status", status}}).status, 200) << status;
  }
  EXPECT_TRUE(is_detail(review_as(w().customer_b, w().customer_b), 404, "Order not found"));
  EXPECT_TRUE(is_detail(review_as(w().customer_b, w().customer_a), 404, "Customer not found"));
  EXPECT_EQ(review_as(w().customer_a, w().customer_a).status, 201);
  EXPECT_EQ(as(customer_token(w().customer_a), "GET", "/reviews/customers/" + str(w().customer_a) + "/reviews")
                .json()
                .value("total", 0),
            1);
}

TEST_F(JwtApi, AnAdminTokenOrTheAdminTokenMayCallEverything) {
  for (const auto& token : {admin_token(), operator_token}) {
    for (const auto& target : std::vector<std::string>{
             "/customers/", "/customers/" + str(w().customer_a), "/orders/" + str(w().order_a),
             "/orders/restaurants/" + str(w().restaurant_b) + "/orders", "/analytics/popular-items", "/cache/stats",
             "/metrics", "/realtime/notifications/" + str(w().customer_b)}) {
      EXPECT_EQ(as(token, "GET", target).status, 200) << target;
    }
    EXPECT_EQ(as(token, "DELETE", "/cache/clear/orders").status, 200);
  }
}

TEST_F(JwtApi, TheCacheNeverServesOneCallersOrderToAnother) {
  const auto owner = customer_token(w().customer_a);
  const auto order = "/orders/" + str(w().order_a);
  const auto list = "/orders/customers/" + str(w().customer_a) + "/orders";
  for (const auto& target : {order, list}) {
    ASSERT_EQ(as(owner, "GET", target).status, 200) << target;
    const auto again = as(owner, "GET", target);
    EXPECT_EQ(again.header("x-cache-status"), "HIT") << target;
    EXPECT_TRUE(not_authenticated(client().get(target))) << target;
    EXPECT_EQ(as(customer_token(w().customer_b), "GET", target).status, 404) << target;
    EXPECT_EQ(as(restaurant_token(w().restaurant_b), "GET", target).status, order == target ? 404 : 403) << target;
    EXPECT_EQ(as(restaurant_token(w().restaurant_a), "GET", target).status, order == target ? 200 : 403) << target;
  }
}

TEST(JwtConfiguration, AServerInJwtModeRefusesToStartWithoutAUsableSecret) {
  const auto [missing, missing_line] = run_to_exit({{"AUTH_MODE", "jwt"}});
  EXPECT_EQ(missing, 2);
  EXPECT_NE(missing_line.find("JWT_SECRET"), std::string::npos) << missing_line;
  const auto [short_secret, short_line] = run_to_exit({{"AUTH_MODE", "jwt"}, {"JWT_SECRET", "short"}});
  EXPECT_EQ(short_secret, 2);
  EXPECT_NE(short_line.find("at least 32 bytes"), std::string::npos) << short_line;
  const auto [unknown, unknown_line] = run_to_exit({{"AUTH_MODE", "oauth"}});
  EXPECT_EQ(unknown, 2);
  EXPECT_NE(unknown_line.find("AUTH_MODE must be off or jwt"), std::string::npos) << unknown_line;
  const auto [no_key, key_line] = run_to_exit({{"AUTH_MODE", "jwt"}, {"JWT_PUBLIC_KEY_FILE", "/nonexistent/key.pem"}});
  EXPECT_EQ(no_key, 2);
  EXPECT_NE(key_line.find("JWT_PUBLIC_KEY_FILE"), std::string::npos) << key_line;
}

TEST(AuthOff, TokensChangeNothingAndEveryRouteIsOpenButTheOperationalOnes) {
  server_process server;
  api_client client(server.port());
  const auto customer = create_customer(client, customer_body("Open Door"));
  const auto id = str(customer.at("id").get<std::int64_t>());
  EXPECT_EQ(client.get("/customers/" + id).status, 200);
  EXPECT_EQ(client.get("/customers/").status, 200);
  EXPECT_EQ(client.get("/customers/" + id, bearer(customer_token(customer.at("id").get<std::int64_t>() + 1))).status,
            200)
      << "with auth off a token names nobody";
  EXPECT_EQ(client.get("/analytics/popular-items", bearer("garbage")).status, 200);
}

}  // namespace
}  // namespace zomato::testing
