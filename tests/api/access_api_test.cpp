// Who may do what, over HTTP: the admin token on the destructive and operational routes, JSON
// as the only body media type, and CORS. Each suite starts its own server with its settings.

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "support/api_fixtures.hpp"

namespace zomato::testing {
namespace {

const std::string admin_token = "s3cret-admin-token-0123456789";

// A request as bytes, with exactly the headers given (no Content-Type unless one is given).
std::string wire(const std::string& method, const std::string& target, const header_list& headers,
                 const std::string& body = {}) {
  std::string out = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const auto& [name, value] : headers) out += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT")
    out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  return out + "\r\n" + body;
}

header_list bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

::testing::AssertionResult not_authenticated(const http_reply& reply) {
  if (reply.header("www-authenticate") != "Bearer") {
    return ::testing::AssertionFailure() << "WWW-Authenticate is '" << reply.header("www-authenticate") << "'";
  }
  return is_detail(reply, 401, "Not authenticated");
}

class AdminTokenApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<server_process>(std::map<std::string, std::string>{{"ADMIN_TOKEN", admin_token}});
  }
  static void TearDownTestSuite() { server_.reset(); }
  void SetUp() override { client_ = std::make_unique<api_client>(server_->port()); }
  api_client& client() { return *client_; }

  static std::unique_ptr<server_process> server_;
  std::unique_ptr<api_client> client_;
};

std::unique_ptr<server_process> AdminTokenApi::server_;

TEST_F(AdminTokenApi, EveryOperationalRouteRefusesARequestWithoutTheToken) {
  const auto restaurant = create_restaurant(client(), restaurant_body(unique_name("Guarded Place")));
  const auto before = total_of(client(), "/restaurants/?limit=1000");
  const auto id = std::to_string(restaurant.at("id").get<std::int64_t>());
  const std::vector<std::pair<std::string, std::string>> operational{{"DELETE", "/cache/clear"},
                                                                     {"DELETE", "/cache/clear/expired"},
                                                                     {"DELETE", "/cache/clear/restaurants"},
                                                                     {"POST", "/cache/warm"},
                                                                     {"POST", "/cache/warm/popular"},
                                                                     {"POST", "/cache/warm/restaurants"},
                                                                     {"POST", "/analytics/refresh/revenue"},
                                                                     {"POST", "/demo/sample-data"},
                                                                     {"DELETE", "/demo/sample-data"},
                                                                     {"DELETE", "/restaurants/" + id}};
  for (const auto& [method, target] : operational) {
    EXPECT_TRUE(not_authenticated(client().send(method, target, ""))) << method << " " << target;
  }
  EXPECT_EQ(client().get("/restaurants/" + id).status, 200) << "a refused DELETE removed the restaurant";
  EXPECT_EQ(total_of(client(), "/restaurants/?limit=1000"), before) << "a refused POST /demo/sample-data created data";
  EXPECT_EQ(client().send("DELETE", "/restaurants/" + id, "", bearer(admin_token)).status, 204);
  EXPECT_EQ(client().get("/restaurants/" + id).status, 404);
}

TEST_F(AdminTokenApi, MissingMalformedAndWrongTokensAreRefusedAndChangeNothing) {
  ASSERT_EQ(client().send("POST", "/demo/sample-data", "", bearer(admin_token)).status, 200);
  const auto before = total_of(client(), "/restaurants/?limit=1000");
  ASSERT_GT(before, 0);
  const std::vector<header_list> refused{{},
                                         {{"Authorization", "Bearer"}},
                                         {{"Authorization", "Bearer "}},
                                         {{"Authorization", "Basic YWRtaW46czNjcmV0"}},
                                         {{"Authorization", admin_token}},
                                         bearer("short"),
                                         bearer(admin_token + "x"),
                                         bearer(std::string(admin_token.size(), 'x')),
                                         bearer(admin_token.substr(0, admin_token.size() - 1))};
  for (const auto& headers : refused) {
    const auto reply = client().raw(wire("DELETE", "/demo/sample-data", headers));
    EXPECT_TRUE(not_authenticated(reply)) << (headers.empty() ? "no header" : headers.front().second);
  }
  EXPECT_EQ(total_of(client(), "/restaurants/?limit=1000"), before) << "a refused DELETE removed data";
  const auto lower_case_scheme =
      client().raw(wire("DELETE", "/demo/sample-data", {{"authorization", "bearer " + admin_token}}));
  EXPECT_EQ(lower_case_scheme.status, 200) << lower_case_scheme.body;
  EXPECT_LT(total_of(client(), "/restaurants/?limit=1000"), before);
}

TEST_F(AdminTokenApi, ARefusedClearLeavesAHitAHit) {
  const auto target = "/restaurants/?limit=7";
  (void)client().get(target);
  ASSERT_EQ(client().get(target).header("x-cache-status"), "HIT");
  EXPECT_TRUE(not_authenticated(client().send("DELETE", "/cache/clear", "", bearer("wrong"))));
  EXPECT_EQ(client().get(target).header("x-cache-status"), "HIT");
  ASSERT_EQ(client().send("DELETE", "/cache/clear", "", bearer(admin_token)).status, 200);
  EXPECT_EQ(client().get(target).header("x-cache-status"), "MISS");
}

TEST_F(AdminTokenApi, OtherRoutesNeedNoToken) {
  const auto created = client().post_json("/restaurants/", restaurant_body(unique_name("Open Place")));
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(client().get("/cache/stats").status, 200);
  EXPECT_EQ(client().get("/health").status, 200);
}

TEST(AdminTokenUnset, OperationalRoutesStayOpen) {
  server_process server;
  api_client client(server.port());
  EXPECT_EQ(client.send("DELETE", "/cache/clear", "").status, 200);
  EXPECT_EQ(client.send("POST", "/cache/warm", "").status, 200);
  EXPECT_EQ(client.send("POST", "/demo/sample-data", "").status, 200);
  EXPECT_EQ(client.send("DELETE", "/demo/sample-data", "", bearer("anything")).status, 200);
}

class MediaTypeApi : public api_suite {};

TEST_F(MediaTypeApi, ABodyThatIsNotJsonIsRefusedAndChangesNothing) {
  const auto before = total_of(client(), "/restaurants/?limit=1000");
  const auto body = restaurant_body(unique_name("Typed Place")).dump();
  const std::vector<header_list> refused{{{"Content-Type", "text/plain"}},
                                         {{"Content-Type", "application/x-www-form-urlencoded"}},
                                         {{"Content-Type", "multipart/form-data; boundary=xyz"}},
                                         {}};
  for (const auto& headers : refused) {
    const auto reply = client().raw(wire("POST", "/restaurants/", headers, body));
    EXPECT_TRUE(is_detail(reply, 415, "Unsupported Media Type: send the body as application/json"))
        << (headers.empty() ? "no Content-Type" : headers.front().second) << ": " << reply.body;
  }
  EXPECT_EQ(total_of(client(), "/restaurants/?limit=1000"), before);
}

TEST_F(MediaTypeApi, AnUpdateThatIsNotJsonChangesNothing) {
  const auto restaurant = create_restaurant(client(), restaurant_body(unique_name("Kept Place")));
  const auto target = "/restaurants/" + std::to_string(restaurant.at("id").get<std::int64_t>());
  const auto reply =
      client().raw(wire("PUT", target, {{"Content-Type", "text/plain"}}, R"({"description":"changed"})"));
  EXPECT_EQ(reply.status, 415) << reply.body;
  EXPECT_EQ(client().get(target).json().at("description"), restaurant.at("description"));
}

TEST_F(MediaTypeApi, JsonWithParametersInAnyCaseIsAccepted) {
  for (const std::string type : {"application/json; charset=utf-8", "Application/JSON;charset=UTF-8"}) {
    const auto body = restaurant_body(unique_name("Charset Place")).dump();
    const auto reply = client().raw(wire("POST", "/restaurants/", {{"Content-Type", type}}, body));
    EXPECT_EQ(reply.status, 201) << type << ": " << reply.body;
  }
}

TEST_F(MediaTypeApi, ABodylessPostNeedsNoContentType) {
  const auto reply = client().raw(wire("POST", "/cache/warm/restaurants", {}));
  EXPECT_EQ(reply.status, 200) << reply.body;
}

class CorsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<server_process>(
        std::map<std::string, std::string>{{"CORS_ORIGINS", "https://a.test, https://b.test"}});
  }
  static void TearDownTestSuite() { server_.reset(); }
  void SetUp() override { client_ = std::make_unique<api_client>(server_->port()); }
  api_client& client() { return *client_; }

  static std::unique_ptr<server_process> server_;
  std::unique_ptr<api_client> client_;
};

std::unique_ptr<server_process> CorsApi::server_;

TEST_F(CorsApi, AnAllowedOriginIsNamedAndEveryAnswerVariesByOrigin) {
  const auto allowed = client().get("/health", {{"Origin", "https://a.test"}});
  EXPECT_EQ(allowed.header("access-control-allow-origin"), "https://a.test");
  EXPECT_EQ(allowed.header("vary"), "Origin");
  const auto other = client().get("/health", {{"Origin", "https://evil.test"}});
  EXPECT_EQ(other.headers.count("access-control-allow-origin"), 0U);
  EXPECT_EQ(other.header("vary"), "Origin");
  const auto none = client().get("/restaurants/999999");
  EXPECT_EQ(none.status, 404);
  EXPECT_EQ(none.headers.count("access-control-allow-origin"), 0U);
  EXPECT_EQ(none.header("vary"), "Origin");
}

TEST_F(CorsApi, PreflightsNameThePathsMethodsForAnAllowedOriginOnly) {
  const auto restaurant = create_restaurant(client(), restaurant_body(unique_name("Preflight Place")));
  const auto target = "/restaurants/" + std::to_string(restaurant.at("id").get<std::int64_t>());
  const auto allowed =
      client().raw(wire("OPTIONS", target, {{"Origin", "https://b.test"}, {"Access-Control-Request-Method", "PUT"}}));
  EXPECT_EQ(allowed.status, 204);
  EXPECT_EQ(allowed.header("access-control-allow-origin"), "https://b.test");
  EXPECT_EQ(allowed.header("access-control-allow-methods"), "GET, HEAD, PUT, DELETE");
  EXPECT_EQ(allowed.header("access-control-allow-headers"),
            "Authorization, Content-Type, Idempotency-Key, If-None-Match, Cache-Control");
  EXPECT_EQ(allowed.header("access-control-max-age"), "600");
  EXPECT_EQ(allowed.header("vary"), "Origin");
  const auto refused = client().raw(
      wire("OPTIONS", target, {{"Origin", "https://evil.test"}, {"Access-Control-Request-Method", "PUT"}}));
  EXPECT_EQ(refused.status, 204);
  for (const auto& [name, value] : refused.headers) EXPECT_FALSE(name.starts_with("access-control-")) << name;
  EXPECT_EQ(refused.header("vary"), "Origin");
  const auto unknown = client().raw(
      wire("OPTIONS", "/nowhere", {{"Origin", "https://a.test"}, {"Access-Control-Request-Method", "GET"}}));
  EXPECT_EQ(unknown.status, 404);
  const auto plain_options = client().raw(wire("OPTIONS", target, {{"Origin", "https://a.test"}}));
  EXPECT_EQ(plain_options.status, 405);
}

TEST_F(CorsApi, TheCacheNeverStoresAnOriginsHeader) {
  const auto target = "/restaurants/?limit=3";
  const auto first = client().get(target, {{"Origin", "https://a.test"}});
  EXPECT_EQ(first.header("access-control-allow-origin"), "https://a.test");
  const auto second = client().get(target, {{"Origin", "https://b.test"}});
  EXPECT_EQ(second.header("x-cache-status"), "HIT");
  EXPECT_EQ(second.header("access-control-allow-origin"), "https://b.test");
  EXPECT_EQ(second.header("vary"), "Origin");
  const auto third = client().get(target);
  EXPECT_EQ(third.header("x-cache-status"), "HIT");
  EXPECT_EQ(third.headers.count("access-control-allow-origin"), 0U);
  EXPECT_EQ(third.header("vary"), "Origin");
  const auto not_modified =
      client().get(target, {{"Origin", "https://a.test"}, {"If-None-Match", second.header("etag")}});
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_EQ(not_modified.header("access-control-allow-origin"), "https://a.test");
}

TEST(CorsOff, NoCorsHeadersAndNoPreflight) {
  server_process server;
  api_client client(server.port());
  const auto reply = client.get("/restaurants/", {{"Origin", "https://a.test"}});
  EXPECT_EQ(reply.status, 200);
  for (const auto& [name, value] : reply.headers) {
    EXPECT_FALSE(name.starts_with("access-control-")) << name;
    EXPECT_NE(name, "vary");
  }
  const auto preflight = client.raw(
      wire("OPTIONS", "/restaurants/", {{"Origin", "https://a.test"}, {"Access-Control-Request-Method", "POST"}}));
  EXPECT_EQ(preflight.status, 405);
}

}  // namespace
}  // namespace zomato::testing
