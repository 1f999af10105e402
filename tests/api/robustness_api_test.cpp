#include <gtest/gtest.h>

#include <string>

#include "support/api_fixtures.hpp"

namespace zomato::testing {
namespace {

// Every test sends something a client should not, checks the 4xx, checks that nothing
// changed and that the server still answers; the suite's teardown checks a clean exit.
class RobustnessApi : public api_suite {
 protected:
  void SetUp() override {
    api_suite::SetUp();
    if (restaurant_id_ == 0) {
      restaurant_id_ = create_restaurant(client(), restaurant_body(unique_name("Anchor")))["id"].get<std::int64_t>();
    }
  }
  void TearDown() override { expect_alive(); }

  std::int64_t restaurants_total() { return total_of(client(), "/restaurants/"); }
  std::int64_t items_total() { return total_of(client(), "/menu-items/"); }
  std::string anchor() const { return "/restaurants/" + std::to_string(restaurant_id_); }
  std::string anchor_menu() const { return anchor() + "/menu-items/"; }

  /// POSTs a restaurant body that must be refused with 422 and must create nothing.
  void expect_refused_restaurant(const std::string& body, const json& loc, const std::string& type = {}) {
    const auto before = restaurants_total();
    EXPECT_TRUE(has_problem(client().post("/restaurants/", body), loc, type)) << body.substr(0, 200);
    EXPECT_EQ(restaurants_total(), before) << body.substr(0, 200);
  }
  /// POSTs a menu item body that must be refused with 422 and must create nothing.
  void expect_refused_item(const std::string& body, const json& loc, const std::string& type = {}) {
    const auto before = items_total();
    EXPECT_TRUE(has_problem(client().post(anchor_menu(), body), loc, type)) << body.substr(0, 200);
    EXPECT_EQ(items_total(), before) << body.substr(0, 200);
  }

  static inline std::int64_t restaurant_id_ = 0;

 public:
  static void TearDownTestSuite() {
    restaurant_id_ = 0;
    api_suite::TearDownTestSuite();
  }
};

std::string valid_restaurant_text(const std::string& name) { return restaurant_body(name).dump(); }

/// A 422 whose first problem is a JSON decode error located in the body.
::testing::AssertionResult is_json_invalid(const http_reply& reply) {
  if (reply.status != 422) return ::testing::AssertionFailure() << "status " << reply.status << ": " << reply.body;
  const auto detail = reply.json()["detail"];
  if (!detail.is_array() || detail.empty() || detail[0]["type"] != "json_invalid" || detail[0]["loc"][0] != "body") {
    return ::testing::AssertionFailure() << "not json_invalid: " << reply.body;
  }
  return ::testing::AssertionSuccess();
}

TEST_F(RobustnessApi, MalformedJsonIsJsonInvalid) {
  for (const std::string& body : {std::string(R"({"name": "Broken", )"), std::string("{not json}"),
                                  std::string("{'a':1}"), std::string(R"({"name":"x"} trailing)")}) {
    const auto before = restaurants_total();
    const auto reply = client().post("/restaurants/", body);
    ASSERT_EQ(reply.status, 422) << body << " -> " << reply.body;
    const auto detail = reply.json()["detail"];
    ASSERT_TRUE(detail.is_array() && !detail.empty()) << reply.body;
    EXPECT_EQ(detail[0]["type"], "json_invalid") << reply.body;
    EXPECT_EQ(detail[0]["loc"][0], "body") << reply.body;
    EXPECT_EQ(restaurants_total(), before);
  }
  const auto items_before = items_total();
  EXPECT_TRUE(is_json_invalid(client().post(anchor_menu(), "{")));
  EXPECT_EQ(items_total(), items_before);
}

TEST_F(RobustnessApi, EmptyBodyIsRefused) {
  const auto before = restaurants_total();
  const auto reply = client().post("/restaurants/", "");
  EXPECT_EQ(reply.status, 422) << reply.body;
  EXPECT_EQ(restaurants_total(), before);
}

TEST_F(RobustnessApi, BodiesThatAreNotObjectsAreRefused) {
  for (const char* body : {"[]", R"([{"name":"Array Place"}])", "\"text\"", "42", "null", "true"}) {
    expect_refused_restaurant(body, {"body"}, "model_attributes_type");
    expect_refused_item(body, {"body"}, "model_attributes_type");
  }
  const auto before = restaurants_total();
  EXPECT_TRUE(has_problem(client().put(anchor(), "[]"), {"body"}, "model_attributes_type"));
  EXPECT_EQ(restaurants_total(), before);
}

TEST_F(RobustnessApi, WrongTypesAreReportedPerField) {
  auto body = restaurant_body("ignored");
  body["name"] = 123;
  body["rating"] = "high";
  body["is_active"] = "yes";
  body["phone_number"] = 5551234567;
  const auto before = restaurants_total();
  const auto reply = client().post_json("/restaurants/", body);
  EXPECT_TRUE(has_problem(reply, {"body", "name"}, "string_type"));
  EXPECT_TRUE(has_problem(reply, {"body", "rating"}));
  EXPECT_TRUE(has_problem(reply, {"body", "is_active"}, "bool_type"));
  EXPECT_TRUE(has_problem(reply, {"body", "phone_number"}));
  EXPECT_EQ(restaurants_total(), before);

  expect_refused_item(R"({"name":"Typed Dish","price":"abc","category":"Main"})", {"body", "price"});
  expect_refused_item(R"({"name":"Typed Dish","price":5,"category":"Main","is_vegan":"yes"})", {"body", "is_vegan"},
                      "bool_type");
  expect_refused_item(R"({"name":["a","b","c"],"price":5,"category":"Main"})", {"body", "name"}, "string_type");
  expect_refused_item(R"({"name":"Typed Dish","price":{"amount":5},"category":"Main"})", {"body", "price"});
  expect_refused_item(R"({"name":"Typed Dish","price":true,"category":"Main"})", {"body", "price"});
}

TEST_F(RobustnessApi, NullsForRequiredFieldsAreRefused) {
  expect_refused_restaurant(R"({"name":null,"cuisine_type":"Thai","address":"12345 Road","phone_number":"+15550123"})",
                            {"body", "name"});
  expect_refused_restaurant(R"({"name":"Null Phone","cuisine_type":"Thai","address":"12345 Road","phone_number":null})",
                            {"body", "phone_number"});
  expect_refused_item(R"({"name":"Null Price","price":null,"category":"Main"})", {"body", "price"});
  expect_refused_item(R"({"name":"Null Category","price":1,"category":null})", {"body", "category"});
  const auto original = client().get(anchor()).json();
  EXPECT_TRUE(has_problem(client().put(anchor(), R"({"cuisine_type":null})"), {"body", "cuisine_type"}));
  EXPECT_TRUE(has_problem(client().put(anchor(), R"({"is_active":null})"), {"body", "is_active"}));
  EXPECT_EQ(client().get(anchor()).json(), original);
}

TEST_F(RobustnessApi, NameOf101CharactersIsTooLongAnd100IsFine) {
  const auto base = unique_name("Long");
  const std::string hundred = base + std::string(100 - base.size(), 'x');
  expect_refused_restaurant(valid_restaurant_text(hundred + "y"), {"body", "name"}, "string_too_long");
  const auto reply = client().post("/restaurants/", valid_restaurant_text(hundred));
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(reply.json()["name"], hundred);
  auto long_cuisine = restaurant_body(unique_name("Long Cuisine"));
  long_cuisine["cuisine_type"] = std::string(51, 'c');
  expect_refused_restaurant(long_cuisine.dump(), {"body", "cuisine_type"}, "string_too_long");
}

// MAX_TEXT_LENGTH (default 1000 characters) bounds a description; one at the limit, in
// multi-byte characters, round-trips, and half a megabyte is refused without a write.
TEST_F(RobustnessApi, DescriptionAtTheTextLimitRoundTripsAndHalfAMegabyteIs422) {
  const auto before = restaurants_total();
  auto body = restaurant_body(unique_name("Verbose"));
  std::string description;
  while (description.size() < 500 * 1024) description += "All work and no play makes a long description. ";
  body["description"] = description;
  EXPECT_TRUE(has_problem(client().post_json("/restaurants/", body), {"body", "description"}, "string_too_long"));
  EXPECT_EQ(restaurants_total(), before);

  description.clear();
  for (int i = 0; i < 1000; ++i) description += "\u00e9";
  body["description"] = description;
  const auto reply = client().post_json("/restaurants/", body);
  ASSERT_EQ(reply.status, 201) << reply.body.substr(0, 300);
  const auto id = reply.json()["id"].get<std::int64_t>();
  const auto again = client().get("/restaurants/" + std::to_string(id));
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json()["description"], description);
}

TEST_F(RobustnessApi, BodyOverOneMebibyteIs413) {
  const auto before = restaurants_total();
  const auto announced = client().raw(
      "POST /restaurants/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Length: 2097152\r\n\r\n");
  EXPECT_EQ(announced.status, 413) << announced.body;
  EXPECT_EQ(restaurants_total(), before);

  const auto huge = client().raw(
      "POST /restaurants/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Length: 20971520\r\n\r\n{\"name\":\"");
  EXPECT_EQ(huge.status, 413) << huge.body;

  const auto chunked = client().raw(
      "POST /restaurants/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n200000\r\n{\"name\":\"");
  EXPECT_EQ(chunked.status, 413) << chunked.body;
  EXPECT_EQ(restaurants_total(), before);
}

TEST_F(RobustnessApi, HugeUrlIs414) {
  const auto reply = client().raw("GET /restaurants/?cuisine=" + std::string(100 * 1024, 'a') +
                                  " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  EXPECT_TRUE(reply.status == 414 || reply.status == 431) << reply.status << " " << reply.body;
}

TEST_F(RobustnessApi, HugeHeaderIs431) {
  const auto reply =
      client().raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + std::string(64 * 1024, 'h') + "\r\n\r\n");
  EXPECT_EQ(reply.status, 431) << reply.body;
}

TEST_F(RobustnessApi, GarbageRequestLineIs400OrClosed) {
  const auto reply = client().raw("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_TRUE(reply.status == 400 || reply.status == 0) << reply.status;
}

TEST_F(RobustnessApi, UnknownRouteIs404NotFound) {
  for (const char* target : {"/nope", "/restaurants/1/nothing", "/menu-items/1/2/3", "/restaurants/1/menu-items/x/y"}) {
    EXPECT_TRUE(is_detail(client().get(target), 404, "Not Found")) << target;
  }
  EXPECT_TRUE(is_detail(client().post("/nope", "{}"), 404, "Not Found"));
}

TEST_F(RobustnessApi, WrongMethodIs405MethodNotAllowed) {
  const auto before = restaurants_total();
  EXPECT_TRUE(is_detail(client().send("PATCH", anchor(), "{}"), 405, "Method Not Allowed"));
  EXPECT_TRUE(is_detail(client().del("/restaurants/"), 405, "Method Not Allowed"));
  EXPECT_TRUE(is_detail(client().post("/health", "{}"), 405, "Method Not Allowed"));
  EXPECT_TRUE(is_detail(client().put("/menu-items/", "{}"), 405, "Method Not Allowed"));
  EXPECT_TRUE(is_detail(client().post(anchor(), valid_restaurant_text(unique_name("Wrong Method"))), 405,
                        "Method Not Allowed"));
  EXPECT_EQ(restaurants_total(), before);
}

TEST_F(RobustnessApi, OddIdsAreHandled) {
  EXPECT_TRUE(is_detail(client().get("/restaurants/-1"), 404, "Restaurant not found"));
  EXPECT_TRUE(is_detail(client().get("/restaurants/0"), 404, "Restaurant not found"));
  EXPECT_TRUE(has_problem(client().get("/restaurants/abc"), {"path", "restaurant_id"}, "int_parsing"));
  EXPECT_TRUE(has_problem(client().get("/restaurants/1.5"), {"path", "restaurant_id"}, "int_parsing"));
  EXPECT_TRUE(has_problem(client().get("/restaurants/99999999999999999999"), {"path", "restaurant_id"}));
  EXPECT_TRUE(has_problem(client().get("/restaurants/-99999999999999999999"), {"path", "restaurant_id"}));
  EXPECT_TRUE(has_problem(client().get("/restaurants/9223372036854775808"), {"path", "restaurant_id"}));
  EXPECT_TRUE(is_detail(client().get("/restaurants/9223372036854775807"), 404, "Restaurant not found"));
  EXPECT_TRUE(has_problem(client().get("/menu-items/%ff"), {"path", "menu_item_id"}));
  const auto before = restaurants_total();
  EXPECT_TRUE(has_problem(client().del("/restaurants/abc"), {"path", "restaurant_id"}, "int_parsing"));
  EXPECT_TRUE(has_problem(client().post("/restaurants/abc/menu-items/", menu_item_body("Some Dish").dump()),
                          {"path", "restaurant_id"}, "int_parsing"));
  EXPECT_EQ(restaurants_total(), before);
}

TEST_F(RobustnessApi, NonFiniteNumbersAreRefused) {
  // NaN and Infinity are not JSON
  const auto before_items = items_total();
  EXPECT_TRUE(is_json_invalid(client().post(anchor_menu(), R"({"name":"NaN Dish","price":NaN,"category":"Main"})")));
  EXPECT_TRUE(
      is_json_invalid(client().post(anchor_menu(), R"({"name":"Inf Dish","price":Infinity,"category":"Main"})")));
  EXPECT_TRUE(
      is_json_invalid(client().post(anchor_menu(), R"({"name":"Inf Dish","price":-Infinity,"category":"Main"})")));
  // 1e400 is JSON, but no finite number
  const auto overflow = client().post(anchor_menu(), R"({"name":"Huge Dish","price":1e400,"category":"Main"})");
  EXPECT_EQ(overflow.status, 422) << overflow.body;
  EXPECT_EQ(items_total(), before_items);
  const auto negative = client().post(anchor_menu(), R"({"name":"Huge Dish","price":-1e400,"category":"Main"})");
  EXPECT_EQ(negative.status, 422) << negative.body;
  const auto before = restaurants_total();
  auto body = restaurant_body(unique_name("Huge Rating"));
  auto text = body.dump();
  text.insert(text.size() - 1, R"(,"rating":1e400)");
  const auto rating = client().post("/restaurants/", text);
  EXPECT_EQ(rating.status, 422) << rating.body;
  EXPECT_EQ(restaurants_total(), before);
  const auto original = client().get(anchor()).json();
  const auto update = client().put(anchor(), R"({"rating":1e400})");
  EXPECT_EQ(update.status, 422) << update.body;
  EXPECT_EQ(client().get(anchor()).json(), original);
  expect_refused_item(R"({"name":"Big Dish","price":1e300,"category":"Main"})", {"body", "price"});
  expect_refused_item(R"({"name":"Big Dish","price":5,"category":"Main","preparation_time":99999999999999999999})",
                      {"body", "preparation_time"});
}

TEST_F(RobustnessApi, BrokenUnicodeIsRefused) {
  const auto before = restaurants_total();
  EXPECT_TRUE(is_json_invalid(client().post(
      "/restaurants/",
      R"({"name":"Lone \ud800 Surrogate","cuisine_type":"Thai","address":"12345 Road","phone_number":"+15550123"})")));
  EXPECT_TRUE(is_json_invalid(client().post(
      "/restaurants/",
      R"({"name":"Lone \udc00 Low","cuisine_type":"Thai","address":"12345 Road","phone_number":"+15550123"})")));
  const std::string invalid_utf8 =
      "{\"name\":\"Bad \xff\xfe Bytes\",\"cuisine_type\":\"Thai\",\"address\":\"12345 "
      "Road\",\"phone_number\":\"+15550123\"}";
  const auto reply = client().post("/restaurants/", invalid_utf8);
  EXPECT_EQ(reply.status, 422) << reply.body;
  EXPECT_EQ(restaurants_total(), before);
  const std::string overlong = "{\"name\":\"Over \xc0\xaf long\",\"price\":1,\"category\":\"Main\"}";
  const auto items_before = items_total();
  EXPECT_EQ(client().post(anchor_menu(), overlong).status, 422);
  EXPECT_EQ(items_total(), items_before);
  EXPECT_TRUE(has_problem(client().get("/restaurants/search?cuisine=%ff%fe"), {"query", "cuisine"}));
}

TEST_F(RobustnessApi, DeeplyNestedJsonIsRefused) {
  const std::string nested = "{\"name\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  const auto before = restaurants_total();
  const auto reply = client().post("/restaurants/", nested);
  EXPECT_EQ(reply.status, 422) << reply.body.substr(0, 200);
  EXPECT_EQ(restaurants_total(), before);
}

TEST_F(RobustnessApi, UnknownFieldsAreIgnored) {
  auto body = restaurant_body(unique_name("Extra Fields"));
  body["id"] = 424242;
  body["created_at"] = "1999-01-01T00:00:00";
  body["favourite_colour"] = "blue";
  const auto reply = client().post_json("/restaurants/", body);
  ASSERT_EQ(reply.status, 201) << reply.body;
  const auto r = reply.json();
  EXPECT_NE(r["id"], 424242);
  EXPECT_NE(r["created_at"], "1999-01-01T00:00:00");
  EXPECT_FALSE(r.contains("favourite_colour"));
  auto item = menu_item_body(unique_name("Extra Dish"));
  item["restaurant_id"] = 999999;
  item["spiciness"] = 11;
  const auto m = client().post_json(anchor_menu(), item);
  ASSERT_EQ(m.status, 201) << m.body;
  EXPECT_EQ(m.json()["restaurant_id"], restaurant_id_);
  EXPECT_FALSE(m.json().contains("spiciness"));
}

TEST_F(RobustnessApi, SqlInjectionTextIsStoredVerbatim) {
  const std::string name = "Robert'); DROP TABLE restaurants;-- " + unique_name("x");
  auto body = restaurant_body(name);
  body["cuisine_type"] = "x' OR '1'='1";
  body["description"] = "\"; DELETE FROM menu_items; --";
  const auto reply = client().post_json("/restaurants/", body);
  ASSERT_EQ(reply.status, 201) << reply.body;
  const auto r = reply.json();
  EXPECT_EQ(r["name"], name);
  EXPECT_EQ(r["description"], "\"; DELETE FROM menu_items; --");
  const auto again = client().get("/restaurants/" + std::to_string(r["id"].get<std::int64_t>()));
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json()["name"], name);
  const auto search = client().get("/restaurants/search?cuisine=" + url_encode("' OR 1=1 --")).json();
  EXPECT_EQ(search["total"], 0);
  const auto list = client().get("/restaurants/?limit=1000");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(contains_id(list.json()["restaurants"], r["id"].get<std::int64_t>()));
  EXPECT_EQ(client().get(anchor()).status, 200);
  EXPECT_EQ(create_restaurant(client(), restaurant_body(unique_name("After Injection")))["name"].is_string(), true);
}

TEST_F(RobustnessApi, OddQueryStringsAreHandled) {
  EXPECT_TRUE(has_problem(client().get("/restaurants/?limit=abc"), {"query", "limit"}, "int_parsing"));
  EXPECT_TRUE(has_problem(client().get("/restaurants/?limit=1e3"), {"query", "limit"}, "int_parsing"));
  EXPECT_TRUE(has_problem(client().get("/restaurants/?skip=99999999999999999999"), {"query", "skip"}));
  EXPECT_EQ(client().get("/restaurants/?unknown=1&&=&limit=5").status, 200);
  const auto last_wins = client().get("/restaurants/?limit=3&limit=2").json();
  EXPECT_TRUE(last_wins["limit"] == 2 || last_wins["limit"] == 3);
}

}  // namespace
}  // namespace zomato::testing
