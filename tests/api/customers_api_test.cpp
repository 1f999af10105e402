// Customers: registration, validation, unique e-mail, partial update, delete, lists and
// a customer's order history, over real HTTP against the real server.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "support/order_fixtures.hpp"

namespace zomato::testing {
namespace {

using namespace order_fixtures;

class CustomersApi : public server_suite<CustomersApi> {};

TEST_F(CustomersApi, CreateAnswers201WithLowerCasedEmailAndPhoneAsSent) {
  const auto serial = std::to_string(next_serial());
  const json body{{"name", "John Doe"},
                  {"email", "John.Doe." + serial + "@Example.COM"},
                  {"phone_number", "(555) 123-4567"},
                  {"address", "456 Oak Ave, City"}};
  const auto reply = api().post("/customers/", body);
  ASSERT_EQ(reply.status, 201) << reply.body;
  const auto created = reply.json();
  EXPECT_TRUE(has_shape(created, customer_keys()));
  EXPECT_EQ(created["email"], "john.doe." + serial + "@example.com");
  EXPECT_EQ(created["phone_number"], "(555) 123-4567");
  EXPECT_EQ(created["name"], "John Doe");
  EXPECT_EQ(created["address"], "456 Oak Ave, City");
  EXPECT_EQ(created["is_active"], true);
  EXPECT_TRUE(is_timestamp(created["created_at"]));
  EXPECT_TRUE(is_timestamp(created["updated_at"]));

  const auto fetched = api().get("/customers/" + str(created["id"].get<std::int64_t>()));
  ASSERT_EQ(fetched.status, 200);
  EXPECT_EQ(fetched.json(), created);
}

TEST_F(CustomersApi, NameAndAddressLengthBoundaries) {
  auto body = customer_body(unique_email());
  body["name"] = "Jo";
  body["address"] = "1234567890";
  const auto shortest = api().post("/customers/", body);
  ASSERT_EQ(shortest.status, 201) << shortest.body;
  EXPECT_EQ(shortest.json()["name"], "Jo");
  EXPECT_EQ(shortest.json()["address"], "1234567890");

  body = customer_body(unique_email());
  body["name"] = std::string(100, 'n');
  EXPECT_EQ(api().post("/customers/", body).status, 201);

  body = customer_body(unique_email());
  body["name"] = "J";
  EXPECT_TRUE(has_problem(api().post("/customers/", body), json{"body", "name"}, "string_too_short"));

  body = customer_body(unique_email());
  body["name"] = std::string(101, 'n');
  EXPECT_TRUE(has_problem(api().post("/customers/", body), json{"body", "name"}, "string_too_long"));

  body = customer_body(unique_email());
  body["address"] = "123456789";
  EXPECT_TRUE(has_problem(api().post("/customers/", body), json{"body", "address"}, "string_too_short"));
}

TEST_F(CustomersApi, PhoneNumberRules) {
  for (const std::string good : {"+1-555-0456", "(555) 123-4567", "12345678", "+1234567890123456", "555 123 4567"}) {
    auto body = customer_body(unique_email());
    body["phone_number"] = good;
    const auto reply = api().post("/customers/", body);
    EXPECT_EQ(reply.status, 201) << good << ": " << reply.body;
    if (reply.status == 201) {
      EXPECT_EQ(reply.json()["phone_number"], good);
    }
  }
  for (const std::string bad :
       {"555-0123", "12", "0123456789", "+0123456789", "12345678901234567", "555-abc-1234", "", "+"}) {
    auto body = customer_body(unique_email());
    body["phone_number"] = bad;
    EXPECT_TRUE(has_problem(api().post("/customers/", body), json{"body", "phone_number"})) << bad;
  }
}

TEST_F(CustomersApi, InvalidBodyListsEveryProblem) {
  const json body{{"name", "Jane"}, {"email", "bad"}, {"phone_number", "12"}, {"address", "short"}};
  const auto reply = api().post("/customers/", body);
  EXPECT_TRUE(has_problem(reply, json{"body", "email"}, "value_error"));
  EXPECT_TRUE(has_problem(reply, json{"body", "phone_number"}, "value_error"));
  EXPECT_TRUE(has_problem(reply, json{"body", "address"}, "string_too_short"));
  EXPECT_EQ(reply.json()["detail"].size(), 3u) << reply.body;

  const auto missing = api().post("/customers/", json{{"name", "Jane Doe"}});
  for (const char* field : {"email", "phone_number", "address"}) {
    EXPECT_TRUE(has_problem(missing, json{"body", field}, "missing")) << field;
  }
  for (const std::string email : {"no-at-sign.example.com", "a@b", "a@b.c", "@example.com", "a b@example.com"}) {
    auto with_bad_email = customer_body(email);
    EXPECT_TRUE(has_problem(api().post("/customers/", with_bad_email), json{"body", "email"})) << email;
  }
}

TEST_F(CustomersApi, DuplicateEmailIsRefusedInAnyCase) {
  const auto email = unique_email("dup");
  ASSERT_EQ(api().post("/customers/", customer_body(email)).status, 201);
  const auto before = total_of(api(), "/customers/?limit=1000");

  EXPECT_TRUE(
      is_detail(api().post("/customers/", customer_body(email)), 400, "Customer with this email already exists"));
  std::string upper = email;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  EXPECT_TRUE(
      is_detail(api().post("/customers/", customer_body(upper)), 400, "Customer with this email already exists"));
  std::string mixed = email;
  mixed[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(mixed[0])));
  EXPECT_TRUE(
      is_detail(api().post("/customers/", customer_body(mixed)), 400, "Customer with this email already exists"));

  EXPECT_EQ(total_of(api(), "/customers/?limit=1000"), before);
}

TEST_F(CustomersApi, UpdateIsPartialAndValidated) {
  const auto created = create_customer(api());
  const auto id = created["id"].get<std::int64_t>();
  const auto target = "/customers/" + str(id);

  const auto reply = api().put(target, json{{"address", "789 Pine Road, Town"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto updated = reply.json();
  EXPECT_TRUE(has_shape(updated, customer_keys()));
  EXPECT_EQ(updated["address"], "789 Pine Road, Town");
  for (const char* unchanged : {"id", "name", "email", "phone_number", "is_active", "created_at"}) {
    EXPECT_EQ(updated[unchanged], created[unchanged]) << unchanged;
  }
  EXPECT_GE(updated["updated_at"].get<std::string>(), created["updated_at"].get<std::string>());
  EXPECT_EQ(api().get(target).json(), updated);

  const auto renamed =
      api().put(target, json{{"name", "Renamed Person"}, {"email", "Renamed." + str(id) + "@Mail.ORG"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json()["name"], "Renamed Person");
  EXPECT_EQ(renamed.json()["email"], "renamed." + str(id) + "@mail.org");
  EXPECT_EQ(renamed.json()["address"], "789 Pine Road, Town");

  EXPECT_TRUE(has_problem(api().put(target, json{{"phone_number", "555-0123"}}), json{"body", "phone_number"}));
  EXPECT_TRUE(has_problem(api().put(target, json{{"address", "short"}}), json{"body", "address"}, "string_too_short"));
  EXPECT_TRUE(has_problem(api().put(target, json{{"name", "X"}}), json{"body", "name"}, "string_too_short"));
  EXPECT_TRUE(has_problem(api().put(target, json{{"email", "nope"}}), json{"body", "email"}));
  EXPECT_EQ(api().get(target).json(), renamed.json()) << "a refused update changed the customer";

  EXPECT_TRUE(is_detail(api().put("/customers/999999", json{{"name", "Nobody Here"}}), 404, "Customer not found"));
}

TEST_F(CustomersApi, UpdateToAnotherCustomersEmailIsRefused) {
  const auto first = create_customer(api());
  const auto second = create_customer(api());
  const auto second_target = "/customers/" + str(second["id"].get<std::int64_t>());
  std::string taken = first["email"].get<std::string>();
  EXPECT_TRUE(
      is_detail(api().put(second_target, json{{"email", taken}}), 400, "Customer with this email already exists"));
  taken[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(taken[0])));
  EXPECT_TRUE(
      is_detail(api().put(second_target, json{{"email", taken}}), 400, "Customer with this email already exists"));
  EXPECT_EQ(api().get(second_target).json()["email"], second["email"]);

  // Its own address (in another case) is not a conflict.
  std::string own = second["email"].get<std::string>();
  own[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(own[0])));
  const auto same = api().put(second_target, json{{"email", own}});
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(same.json()["email"], second["email"]);
}

TEST_F(CustomersApi, DeleteAnswers204ThenNotFound) {
  const auto created = create_customer(api());
  const auto target = "/customers/" + str(created["id"].get<std::int64_t>());
  const auto removed = api().del(target);
  EXPECT_EQ(removed.status, 204);
  EXPECT_TRUE(removed.body.empty());
  EXPECT_TRUE(is_detail(api().get(target), 404, "Customer not found"));
  EXPECT_TRUE(is_detail(api().del(target), 404, "Customer not found"));
  EXPECT_TRUE(is_detail(api().put(target, json{{"name", "Ghost Person"}}), 404, "Customer not found"));
  // The e-mail is free again.
  EXPECT_EQ(api().post("/customers/", customer_body(created["email"].get<std::string>())).status, 201);
}

TEST_F(CustomersApi, UnknownOrMalformedIdIsRefused) {
  EXPECT_TRUE(is_detail(api().get("/customers/999999"), 404, "Customer not found"));
  EXPECT_TRUE(is_detail(api().del("/customers/999999"), 404, "Customer not found"));
  EXPECT_TRUE(has_problem(api().get("/customers/abc"), json{"path", "customer_id"}));
}

TEST_F(CustomersApi, ListFiltersActiveAndPaginates) {
  auto inactive_body = customer_body(unique_email("inactive"));
  inactive_body["is_active"] = false;
  const auto inactive = api().post("/customers/", inactive_body);
  ASSERT_EQ(inactive.status, 201) << inactive.body;
  EXPECT_EQ(inactive.json()["is_active"], false);
  const auto inactive_id = inactive.json()["id"].get<std::int64_t>();
  const auto active_id = create_customer(api())["id"].get<std::int64_t>();
  const auto deactivated = create_customer(api());
  const auto deactivated_id = deactivated["id"].get<std::int64_t>();
  ASSERT_EQ(api().put("/customers/" + str(deactivated_id), json{{"is_active", false}}).status, 200);

  const auto all = get_json(api(), "/customers/?limit=1000");
  EXPECT_EQ(all["skip"], 0);
  EXPECT_EQ(all["limit"], 1000);
  ASSERT_TRUE(all["customers"].is_array());
  EXPECT_EQ(all["total"].get<std::size_t>(), all["customers"].size());
  EXPECT_TRUE(newest_first(all["customers"], "created_at"));
  const auto all_ids = ids_of(all["customers"]);
  for (const auto id : {inactive_id, active_id, deactivated_id}) {
    EXPECT_NE(std::find(all_ids.begin(), all_ids.end(), id), all_ids.end()) << id;
  }
  std::size_t active_count = 0;
  for (const auto& c : all["customers"]) {
    if (c["is_active"].get<bool>()) ++active_count;
  }

  const auto active = get_json(api(), "/customers/?active_only=true&limit=1000");
  EXPECT_EQ(active["total"].get<std::size_t>(), active_count);
  const auto active_ids = ids_of(active["customers"]);
  EXPECT_NE(std::find(active_ids.begin(), active_ids.end(), active_id), active_ids.end());
  EXPECT_EQ(std::find(active_ids.begin(), active_ids.end(), inactive_id), active_ids.end());
  EXPECT_EQ(std::find(active_ids.begin(), active_ids.end(), deactivated_id), active_ids.end());
  for (const auto& c : active["customers"]) EXPECT_EQ(c["is_active"], true);

  EXPECT_EQ(get_json(api(), "/customers/?active_only=false&limit=1000")["total"], all["total"]);
  EXPECT_EQ(get_json(api(), "/customers?limit=1000")["total"], all["total"]);

  const auto window = get_json(api(), "/customers/?skip=1&limit=2");
  EXPECT_EQ(window["skip"], 1);
  EXPECT_EQ(window["limit"], 2);
  EXPECT_EQ(window["total"], all["total"]);
  ASSERT_EQ(window["customers"].size(), 2u);
  EXPECT_EQ(window["customers"][0], all["customers"][1]);
  EXPECT_EQ(window["customers"][1], all["customers"][2]);

  const auto defaults = get_json(api(), "/customers/");
  EXPECT_EQ(defaults["skip"], 0);
  EXPECT_EQ(defaults["limit"], 100);

  const auto past_end = get_json(api(), "/customers/?skip=100000");
  EXPECT_TRUE(past_end["customers"].empty());
  EXPECT_EQ(past_end["total"], all["total"]);

  EXPECT_TRUE(has_problem(api().get("/customers/?limit=0"), json{"query", "limit"}));
  EXPECT_TRUE(has_problem(api().get("/customers/?limit=1001"), json{"query", "limit"}));
  EXPECT_TRUE(has_problem(api().get("/customers/?skip=-1"), json{"query", "skip"}));
  EXPECT_TRUE(has_problem(api().get("/customers/?active_only=maybe"), json{"query", "active_only"}));
}

class CustomersOrderHistory : public server_suite<CustomersOrderHistory> {};

TEST_F(CustomersOrderHistory, BothRoutesListTheCustomersOrdersWithStatusFilter) {
  const auto restaurant_id = create_restaurant(api())["id"].get<std::int64_t>();
  const auto item_id = create_item(api(), restaurant_id, 10.0)["id"].get<std::int64_t>();
  const auto customer_id = create_customer(api())["id"].get<std::int64_t>();
  const auto other_id = create_customer(api())["id"].get<std::int64_t>();

  const auto placed = place_order(api(), customer_id, restaurant_id, {{item_id, 1}});
  const auto confirmed = place_order(api(), customer_id, restaurant_id, {{item_id, 2}});
  drive_to(api(), confirmed["id"].get<std::int64_t>(), "confirmed");
  const auto cancelled = place_order(api(), customer_id, restaurant_id, {{item_id, 3}});
  drive_to(api(), cancelled["id"].get<std::int64_t>(), "cancelled");
  place_order(api(), other_id, restaurant_id, {{item_id, 4}});

  for (const auto& base : std::vector<std::string>{"/customers/" + str(customer_id) + "/orders",
                                                   "/orders/customers/" + str(customer_id) + "/orders",
                                                   "/orders/customers/" + str(customer_id) + "/orders/"}) {
    const auto all = get_json(api(), base);
    EXPECT_EQ(all["total"], 3) << base;
    EXPECT_EQ(all["skip"], 0);
    EXPECT_EQ(all["limit"], 100);
    ASSERT_EQ(all["orders"].size(), 3u) << base;
    for (const auto& order : all["orders"]) {
      EXPECT_TRUE(has_shape(order, order_keys()));
      EXPECT_EQ(order["customer_id"], customer_id);
    }
    EXPECT_TRUE(newest_first(all["orders"], "order_date"));

    const auto only_cancelled = get_json(api(), base + "?status=cancelled");
    EXPECT_EQ(only_cancelled["total"], 1) << base;
    ASSERT_EQ(only_cancelled["orders"].size(), 1u);
    EXPECT_EQ(only_cancelled["orders"][0]["id"], cancelled["id"]);
    EXPECT_EQ(only_cancelled["orders"][0]["order_status"], "cancelled");

    const auto only_placed = get_json(api(), base + "?status=placed");
    ASSERT_EQ(only_placed["orders"].size(), 1u);
    EXPECT_EQ(only_placed["orders"][0]["id"], placed["id"]);

    const auto only_confirmed = get_json(api(), base + "?status=confirmed");
    ASSERT_EQ(only_confirmed["orders"].size(), 1u);
    EXPECT_EQ(only_confirmed["orders"][0]["id"], confirmed["id"]);
    EXPECT_EQ(only_confirmed["orders"][0]["total_amount"], "20.00");

    const auto none = get_json(api(), base + "?status=delivered");
    EXPECT_EQ(none["total"], 0);
    EXPECT_TRUE(none["orders"].empty());

    const auto page = get_json(api(), base + "?skip=1&limit=1");
    EXPECT_EQ(page["total"], 3);
    ASSERT_EQ(page["orders"].size(), 1u);
    EXPECT_EQ(page["orders"][0], all["orders"][1]);

    EXPECT_TRUE(has_problem(api().get(base + "?status=shipped"), json{"query", "status"})) << base;
    EXPECT_TRUE(has_problem(api().get(base + "?status=PLACED"), json{"query", "status"})) << base;
  }
}

TEST_F(CustomersOrderHistory, UnknownCustomerIsNotFound) {
  const auto restaurant_id = create_restaurant(api())["id"].get<std::int64_t>();
  const auto item_id = create_item(api(), restaurant_id, 10.0)["id"].get<std::int64_t>();
  EXPECT_TRUE(is_detail(api().get("/customers/999999/orders"), 404, "Customer not found"));
  EXPECT_TRUE(is_detail(api().get("/orders/customers/999999/orders"), 404, "Customer not found"));
  EXPECT_TRUE(is_detail(api().get("/customers/999999/analytics"), 404, "Customer not found"));
  EXPECT_TRUE(is_detail(api().post("/orders/customers/999999/orders/", order_body(restaurant_id, {{item_id, 1}})), 404,
                        "Customer not found"));
  EXPECT_EQ(total_of(api(), "/orders/restaurants/" + str(restaurant_id) + "/orders"), 0);
}

TEST_F(CustomersOrderHistory, NewCustomerHasEmptyHistoryAndZeroAnalytics) {
  const auto customer_id = create_customer(api())["id"].get<std::int64_t>();
  const auto history = get_json(api(), "/customers/" + str(customer_id) + "/orders");
  EXPECT_EQ(history["total"], 0);
  EXPECT_TRUE(history["orders"].is_array());
  EXPECT_TRUE(history["orders"].empty());

  const auto analytics = get_json(api(), "/customers/" + str(customer_id) + "/analytics");
  EXPECT_EQ(analytics["customer_id"], customer_id);
  EXPECT_EQ(analytics["total_orders"], 0);
  EXPECT_EQ(analytics["total_spent"], "0.00");
  EXPECT_EQ(analytics["average_order_value"], "0.00");
  EXPECT_TRUE(analytics["favorite_restaurants"].is_array());
  EXPECT_TRUE(analytics["favorite_restaurants"].empty());
  EXPECT_TRUE(analytics["order_status_breakdown"].is_object());
  EXPECT_TRUE(analytics["order_status_breakdown"].empty());
}

}  // namespace
}  // namespace zomato::testing
