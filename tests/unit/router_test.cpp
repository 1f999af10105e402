#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "auth/token_issuer.hpp"
#include "http/responses.hpp"
#include "http/router.hpp"

namespace zomato::http {
namespace {

using document = nlohmann::json;

// Each handler answers its own name and what it saw, so a test can tell which route ran.
handler answer(std::string name) {
  return [name](const request& req, const params& values) {
    document body{{"route", name}, {"path", std::string(req.path)}};
    if (auto id = values.integer("restaurant_id")) body["restaurant_id"] = id;
    if (auto text = values.text("category")) body["category"] = *text;
    if (auto text = values.text("q")) body["q"] = *text;
    body["limit"] = values.integer("limit");
    body["skip"] = values.integer("skip");
    return http::json(200, body.dump());
  };
}

route make_route(verb method, std::string pattern, std::vector<param_spec> specs, std::string name) {
  route r;
  r.method = method;
  r.pattern = std::move(pattern);
  r.params = std::move(specs);
  r.run = answer(std::move(name));
  return r;
}

// The parameter route is added before the literal one on purpose: order of add must not matter.
router catalog_router() {
  router routes;
  routes.add(make_route(verb::get, "/", {}, "root"));
  routes.add(make_route(verb::get, "/restaurants/{restaurant_id}", {path_id("restaurant_id", "Id")}, "get_restaurant"));
  routes.add(make_route(verb::put, "/restaurants/{restaurant_id}", {path_id("restaurant_id", "Id")}, "put_restaurant"));
  routes.add(make_route(verb::get, "/restaurants/", pagination(), "list_restaurants"));
  routes.add(make_route(verb::post, "/restaurants/", {}, "create_restaurant"));
  routes.add(make_route(verb::get, "/restaurants/active", pagination(), "active_restaurants"));
  routes.add(make_route(verb::get, "/restaurants/{restaurant_id}/menu",
                        {path_id("restaurant_id", "Id"), query_text("q", false, "Search", "x")}, "menu"));
  routes.add(make_route(verb::get, "/menu-items/category/{category}", {path_text("category", "Category", "x")},
                        "by_category"));
  routes.add(make_route(verb::get, "/reviews/", {query_text("q", true, "Required text", "x")}, "reviews"));
  return routes;
}

request get(std::string_view path, std::string_view query = {}) {
  request req;
  req.method = verb::get;
  req.path = path;
  req.query = query;
  return req;
}

request with_method(verb method, std::string_view path) {
  request req;
  req.method = method;
  req.path = path;
  return req;
}

document body_of(const response& res) { return document::parse(res.body); }

TEST(Router, LiteralSegmentsBeatParameters) {
  const auto routes = catalog_router();
  const auto res = routes.dispatch(get("/restaurants/active"));
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(body_of(res)["route"], "active_restaurants");

  const auto by_id = routes.dispatch(get("/restaurants/42"));
  ASSERT_EQ(by_id.status, 200) << by_id.body;
  EXPECT_EQ(body_of(by_id)["route"], "get_restaurant");
  EXPECT_EQ(body_of(by_id)["restaurant_id"], 42);
}

TEST(Router, LiteralWinsWhicheverIsAddedFirst) {
  router routes;
  routes.add(make_route(verb::get, "/restaurants/active", {}, "active"));
  routes.add(make_route(verb::get, "/restaurants/{restaurant_id}", {path_id("restaurant_id", "Id")}, "by_id"));
  EXPECT_EQ(body_of(routes.dispatch(get("/restaurants/active")))["route"], "active");
  EXPECT_EQ(body_of(routes.dispatch(get("/restaurants/3")))["route"], "by_id");
}

TEST(Router, EarlierLiteralSegmentDecides) {
  router routes;
  routes.add(make_route(verb::get, "/a/{restaurant_id}/c", {path_id("restaurant_id", "Id")}, "param_first"));
  routes.add(make_route(verb::get, "/a/b/{category}", {path_text("category", "C", "x")}, "literal_first"));
  EXPECT_EQ(body_of(routes.dispatch(get("/a/b/c")))["route"], "literal_first");
  EXPECT_EQ(body_of(routes.dispatch(get("/a/7/c")))["route"], "param_first");
}

TEST(Router, LeavesHeaderParametersToTheServer) {
  router routes;
  routes.add(make_route(verb::post, "/orders/", {header_text("Idempotency-Key", "Retry key", "k")}, "place"));
  const auto resolved = routes.resolve(with_method(verb::post, "/orders/"));
  ASSERT_NE(resolved.target, nullptr) << resolved.failure.body;
  EXPECT_FALSE(resolved.values.text("Idempotency-Key").has_value());
}

TEST(Router, IgnoresTrailingSlash) {
  const auto routes = catalog_router();
  for (const char* path : {"/restaurants", "/restaurants/"}) {
    const auto res = routes.dispatch(get(path));
    ASSERT_EQ(res.status, 200) << path;
    EXPECT_EQ(body_of(res)["route"], "list_restaurants") << path;
  }
  EXPECT_EQ(body_of(routes.dispatch(get("/restaurants/active/")))["route"], "active_restaurants");
  EXPECT_EQ(body_of(routes.dispatch(get("/restaurants/5/")))["restaurant_id"], 5);
  EXPECT_EQ(body_of(routes.dispatch(get("/restaurants/5/menu/")))["route"], "menu");
}

TEST(Router, MatchesTheRoot) {
  const auto routes = catalog_router();
  const auto res = routes.dispatch(get("/"));
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(body_of(res)["route"], "root");
}

TEST(Router, UnknownPathIsNotFound) {
  const auto routes = catalog_router();
  for (const char* path :
       {"/nope", "/restaurants/1/extra", "/restaurants/1/menu/more", "/menu-items/category", "/restaurantsx"}) {
    const auto res = routes.dispatch(get(path));
    EXPECT_EQ(res.status, 404) << path;
    EXPECT_EQ(res.body, R"({"detail":"Not Found"})") << path;
    EXPECT_EQ(res.content_type, "application/json");
  }
}

TEST(Router, KnownPathWithOtherMethodIsNotAllowed) {
  const auto routes = catalog_router();
  for (const auto& req : {with_method(verb::delete_, "/restaurants/1"), with_method(verb::post, "/restaurants/1"),
                          with_method(verb::delete_, "/restaurants/"), with_method(verb::put, "/"),
                          with_method(verb::patch, "/menu-items/category/thai")}) {
    const auto res = routes.dispatch(req);
    EXPECT_EQ(res.status, 405) << req.path;
    EXPECT_EQ(res.body, R"({"detail":"Method Not Allowed"})") << req.path;
  }
}

TEST(Router, NotAllowedNamesTheMethodsThePathTakes) {
  const auto routes = catalog_router();
  const auto res = routes.dispatch(with_method(verb::delete_, "/restaurants/4"));
  ASSERT_EQ(res.headers.size(), 1u);
  EXPECT_EQ(res.headers[0].first, "allow");
  EXPECT_EQ(res.headers[0].second, "GET, HEAD, PUT");
}

TEST(Router, HeadIsServedByTheGetRoute) {
  const auto routes = catalog_router();
  EXPECT_EQ(body_of(routes.dispatch(with_method(verb::head, "/restaurants/9")))["route"], "get_restaurant");
  EXPECT_EQ(routes.dispatch(with_method(verb::head, "/restaurants/active")).status, 200);
  EXPECT_EQ(routes.resolve(with_method(verb::head, "/restaurants/active")).target,
            routes.resolve(with_method(verb::get, "/restaurants/active")).target);
}

TEST(Router, MethodPicksBetweenRoutesOfOnePath) {
  const auto routes = catalog_router();
  EXPECT_EQ(body_of(routes.dispatch(with_method(verb::put, "/restaurants/9")))["route"], "put_restaurant");
  EXPECT_EQ(body_of(routes.dispatch(with_method(verb::post, "/restaurants")))["route"], "create_restaurant");
}

TEST(Router, LiteralRouteOfAnotherMethodFallsBackToTheParameterRoute) {
  // PUT /restaurants/active: the literal GET route does not take PUT, the {id} PUT route
  // does and cannot read "active" as an id, as FastAPI answers.
  const auto routes = catalog_router();
  const auto res = routes.dispatch(with_method(verb::put, "/restaurants/active"));
  EXPECT_EQ(res.status, 422) << res.body;
  EXPECT_EQ(body_of(res)["detail"][0]["loc"], document::parse(R"(["path","restaurant_id"])"));
}

TEST(Router, BadPathParameterIsUnprocessable) {
  const auto routes = catalog_router();
  const auto res = routes.dispatch(get("/restaurants/abc"));
  ASSERT_EQ(res.status, 422);
  const auto detail = body_of(res)["detail"];
  ASSERT_EQ(detail.size(), 1u);
  EXPECT_EQ(detail[0]["type"], "int_parsing");
  EXPECT_EQ(detail[0]["loc"], document::parse(R"(["path","restaurant_id"])"));
  EXPECT_EQ(detail[0]["input"], "abc");
}

TEST(Router, IdPastTwoToTheSixtyThreeIsUnprocessable) {
  const auto res = catalog_router().dispatch(get("/restaurants/99999999999999999999"));
  ASSERT_EQ(res.status, 422);
  EXPECT_EQ(body_of(res)["detail"][0]["loc"], document::parse(R"(["path","restaurant_id"])"));
}

TEST(Router, BadQueryParameterIsUnprocessable) {
  const auto res = catalog_router().dispatch(get("/restaurants/", "limit=0"));
  ASSERT_EQ(res.status, 422);
  const auto detail = body_of(res)["detail"];
  ASSERT_EQ(detail.size(), 1u);
  EXPECT_EQ(detail[0]["type"], "greater_than_equal");
  EXPECT_EQ(detail[0]["loc"], document::parse(R"(["query","limit"])"));
  EXPECT_EQ(detail[0]["input"], "0");
  EXPECT_EQ(detail[0]["ctx"], document::parse(R"({"ge":1})"));
}

TEST(Router, ReportsEveryBadParameter) {
  const auto res = catalog_router().dispatch(get("/restaurants", "skip=-1&limit=5000"));
  ASSERT_EQ(res.status, 422);
  const auto detail = body_of(res)["detail"];
  ASSERT_EQ(detail.size(), 2u);
  EXPECT_EQ(detail[0]["loc"], document::parse(R"(["query","skip"])"));
  EXPECT_EQ(detail[1]["loc"], document::parse(R"(["query","limit"])"));
}

TEST(Router, MissingRequiredQueryParameterIsUnprocessable) {
  const auto res = catalog_router().dispatch(get("/reviews", "other=1"));
  ASSERT_EQ(res.status, 422);
  const auto detail = body_of(res)["detail"];
  EXPECT_EQ(detail[0]["type"], "missing");
  EXPECT_EQ(detail[0]["loc"], document::parse(R"(["query","q"])"));
}

TEST(Router, PassesTypedParametersAndDefaults) {
  const auto routes = catalog_router();
  const auto defaults = body_of(routes.dispatch(get("/restaurants/")));
  EXPECT_EQ(defaults["skip"], 0);
  EXPECT_EQ(defaults["limit"], 100);

  const auto given = body_of(routes.dispatch(get("/restaurants/", "skip=20&limit=5&limit=7&unknown=x")));
  EXPECT_EQ(given["skip"], 20);
  EXPECT_EQ(given["limit"], 7);

  const auto menu = body_of(routes.dispatch(get("/restaurants/12/menu", "q=paneer+tikka")));
  EXPECT_EQ(menu["restaurant_id"], 12);
  EXPECT_EQ(menu["q"], "paneer tikka");
}

TEST(Router, DecodesPercentEncodedPathSegments) {
  const auto routes = catalog_router();
  EXPECT_EQ(body_of(routes.dispatch(get("/menu-items/category/South%20Indian")))["category"], "South Indian");
  EXPECT_EQ(body_of(routes.dispatch(get("/menu-items/category/caf%C3%A9")))["category"], "caf\xC3\xA9");
  // '+' is a plus in a path, not a space.
  EXPECT_EQ(body_of(routes.dispatch(get("/menu-items/category/a+b")))["category"], "a+b");
  // An encoded slash stays inside the one segment.
  EXPECT_EQ(body_of(routes.dispatch(get("/menu-items/category/a%2Fb")))["category"], "a/b");
  // Encoded digits make an id.
  EXPECT_EQ(body_of(routes.dispatch(get("/restaurants/%34%32")))["restaurant_id"], 42);
}

TEST(Router, InvalidUtf8InThePathIsUnprocessable) {
  const auto res = catalog_router().dispatch(get("/menu-items/category/%FF"));
  ASSERT_EQ(res.status, 422);
  EXPECT_EQ(body_of(res)["detail"][0]["loc"], document::parse(R"(["path","category"])"));
}

TEST(Router, AddRefusesUndeclaredPathParameters) {
  router routes;
  EXPECT_THROW(routes.add(make_route(verb::get, "/restaurants/{restaurant_id}", {}, "x")), std::logic_error);
  // A query parameter of the same name does not declare the path one.
  EXPECT_THROW(routes.add(make_route(verb::get, "/restaurants/{restaurant_id}",
                                     {query_integer("restaurant_id", 0, 0, 10, "q")}, "x")),
               std::logic_error);
  EXPECT_THROW(routes.add(make_route(verb::get, "/a/{x}/b/{y}", {path_id("x", "x")}, "x")), std::logic_error);
  EXPECT_TRUE(routes.routes().empty());
}

TEST(Router, AddRefusesACacheScopedByAnUndeclaredParameter) {
  router routes;
  auto scoped = make_route(verb::get, "/restaurants/{restaurant_id}", {path_id("restaurant_id", "id")}, "x");
  scoped.cache = {0, 0, "customer_id"};
  EXPECT_THROW(routes.add(scoped), std::logic_error);
  scoped.cache.scope = "restaurant_id";
  routes.add(scoped);
  EXPECT_EQ(routes.routes().size(), 1u);
}

TEST(Router, ResolveNamesTheRouteARequestWouldReach) {
  const auto routes = catalog_router();
  const auto* active = routes.resolve(with_method(verb::get, "/restaurants/active/")).target;
  ASSERT_NE(active, nullptr);
  EXPECT_EQ(active->pattern, "/restaurants/active");
  const auto* put = routes.resolve(with_method(verb::put, "/restaurants/7")).target;
  ASSERT_NE(put, nullptr);
  EXPECT_EQ(put->method, verb::put);
  EXPECT_EQ(routes.resolve(with_method(verb::delete_, "/restaurants/7")).target, nullptr);
  EXPECT_EQ(routes.resolve(with_method(verb::get, "/nowhere")).target, nullptr);
}

TEST(Router, ResolveNamesTheRouteAndItsParametersWithoutRunningIt) {
  const auto routes = catalog_router();
  const auto found = routes.resolve(get("/restaurants/12/menu", "q=pizza"));
  ASSERT_NE(found.target, nullptr);
  EXPECT_EQ(found.target->pattern, "/restaurants/{restaurant_id}/menu");
  EXPECT_EQ(found.values.integer("restaurant_id"), 12);
  EXPECT_EQ(found.values.text("q"), "pizza");

  const auto missing = routes.resolve(get("/nowhere"));
  EXPECT_EQ(missing.target, nullptr);
  EXPECT_EQ(missing.failure.status, 404);
  EXPECT_EQ(routes.resolve(with_method(verb::delete_, "/restaurants/7")).failure.status, 405);
  const auto invalid = routes.resolve(get("/restaurants/abc"));
  EXPECT_EQ(invalid.target, nullptr);
  EXPECT_EQ(invalid.failure.status, 422);
  EXPECT_EQ(invalid.failure.body, routes.dispatch(get("/restaurants/abc")).body);
}

TEST(Router, AddKeepsRoutesInOrderOfAddition) {
  const auto routes = catalog_router();
  ASSERT_EQ(routes.routes().size(), 9u);
  EXPECT_EQ(routes.routes()[0].pattern, "/");
  EXPECT_EQ(routes.routes()[1].pattern, "/restaurants/{restaurant_id}");
  EXPECT_EQ(routes.routes()[5].pattern, "/restaurants/active");
}

std::vector<std::string_view> segments_of(std::string_view path) {
  const path_segments parts(path);
  return {parts.begin(), parts.end()};
}

TEST(PathSegments, SplitsOnSlashes) {
  EXPECT_EQ(segments_of("/a/b/"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_EQ(segments_of("/a//b"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_EQ(segments_of("a"), (std::vector<std::string_view>{"a"}));
  EXPECT_TRUE(segments_of("/").empty());
  EXPECT_TRUE(segments_of("").empty());
  EXPECT_EQ(segments_of("/restaurants/{restaurant_id}/menu"),
            (std::vector<std::string_view>{"restaurants", "{restaurant_id}", "menu"}));
}

TEST(PathSegments, APathLongerThanAnyRouteIsTooLong) {
  std::string path;
  for (std::size_t i = 0; i < path_segments::capacity; ++i) path += "/s";
  EXPECT_FALSE(path_segments(path).too_long());
  EXPECT_EQ(path_segments(path).size(), path_segments::capacity);
  EXPECT_TRUE(path_segments(path + "/one-more").too_long());
  EXPECT_FALSE(path_segments(path + "/").too_long());
}

TEST(Router, APathLongerThanAnyRouteIsNotFound) {
  const auto routes = catalog_router();
  std::string path = "/restaurants";
  for (std::size_t i = 0; i < path_segments::capacity; ++i) path += "/1";
  request req;
  req.path = path;
  EXPECT_EQ(routes.dispatch(req).status, 404);
}

TEST(Router, LiteralFirstSegmentsAreTriedBeforeParameterOnes) {
  router routes;
  routes.add(make_route(verb::get, "/{kind}/list", {path_text("kind", "Kind", "x")}, "any_list"));
  routes.add(make_route(verb::get, "/things/list", {}, "things_list"));
  request req;
  req.path = "/things/list";
  EXPECT_EQ(document::parse(routes.dispatch(req).body)["route"], "things_list");
  req.path = "/others/list";
  EXPECT_EQ(document::parse(routes.dispatch(req).body)["route"], "any_list");
  req.method = verb::post;
  EXPECT_EQ(routes.dispatch(req).status, 405);
}

// A router with one admin route, one body route and one open route on a shared path.
router guarded_router() {
  router routes;
  routes.add(admin_only(make_route(verb::delete_, "/cache/clear", {}, "clear")));
  routes.add(make_route(verb::get, "/cache/clear", {}, "read_clear"));
  auto create = make_route(verb::post, "/restaurants/", {}, "create_restaurant");
  create.doc.request_schema = "RestaurantCreate";
  routes.add(std::move(create));
  routes.add(make_route(verb::post, "/cache/warm", {}, "warm"));
  return routes;
}

std::string header_of(const response& res, std::string_view name) {
  for (const auto& [key, value] : res.headers) {
    if (key == name) return value;
  }
  return "";
}

TEST(Router, AdminRoutesAreOpenWithoutAToken) {
  const auto routes = guarded_router();
  EXPECT_EQ(routes.dispatch(with_method(verb::delete_, "/cache/clear")).status, 200);
}

TEST(Router, AdminRoutesNeedTheBearerTokenOnceOneIsSet) {
  auto routes = guarded_router();
  routes.control_access({"s3cret", std::nullopt});
  auto req = with_method(verb::delete_, "/cache/clear");
  for (std::string_view sent : {"", "Bearer", "Bearer ", "Basic czNjcmV0", "Bearer s3cre", "Bearer s3cret2"}) {
    req.authorization = sent;
    const auto refused = routes.dispatch(req);
    EXPECT_EQ(refused.status, 401) << sent;
    EXPECT_EQ(refused.body, R"({"detail":"Not authenticated"})");
    EXPECT_EQ(header_of(refused, "www-authenticate"), "Bearer");
  }
  req.authorization = "Bearer s3cret";
  EXPECT_EQ(routes.dispatch(req).status, 200);
  EXPECT_EQ(routes.dispatch(get("/cache/clear")).status, 200);  // not an admin route
}

TEST(Router, ABodyMustBeJson) {
  const auto routes = guarded_router();
  auto req = with_method(verb::post, "/restaurants/");
  req.body = "{}";
  for (std::string_view type :
       {"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b"}) {
    req.content_type = type;
    const auto refused = routes.dispatch(req);
    EXPECT_EQ(refused.status, 415) << type;
  }
  for (std::string_view type : {"application/json", "application/json; charset=utf-8", "Application/Json"}) {
    req.content_type = type;
    EXPECT_EQ(routes.dispatch(req).status, 200) << type;
  }
  req.body = {};
  req.content_type = {};
  EXPECT_EQ(routes.dispatch(req).status, 200);  // nothing sent: the body's validation answers
  auto warm = with_method(verb::post, "/cache/warm");
  warm.body = "x";
  warm.content_type = "text/plain";
  EXPECT_EQ(routes.dispatch(warm).status, 200);  // a route without a body ignores it
}

TEST(Router, PreflightsAnswerOnlyWithCorsOn) {
  auto routes = guarded_router();
  auto req = with_method(verb::options, "/cache/clear");
  req.origin = "https://a.test";
  req.cors_request_method = "DELETE";
  EXPECT_EQ(routes.dispatch(req).status, 405);
  routes.allow_origins(*cors_policy::parse("https://a.test"));
  const auto preflight = routes.dispatch(req);
  EXPECT_EQ(preflight.status, 204);
  EXPECT_EQ(header_of(preflight, "access-control-allow-methods"), "GET, HEAD, DELETE");
  req.path = "/nowhere";
  EXPECT_EQ(routes.dispatch(req).status, 404);
}

TEST(Router, DecoratesOnlyWithCorsOn) {
  auto routes = guarded_router();
  auto req = get("/cache/clear");
  req.origin = "https://a.test";
  response plain;
  routes.decorate(req, plain);
  EXPECT_TRUE(plain.headers.empty());
  routes.allow_origins(*cors_policy::parse("https://a.test"));
  response decorated;
  routes.decorate(req, decorated);
  EXPECT_EQ(header_of(decorated, "access-control-allow-origin"), "https://a.test");
  EXPECT_EQ(header_of(decorated, "vary"), "Origin");
}

// Routes of each access, each answering who called it.
router jwt_router() {
  router routes;
  const auto caller_route = [](verb method, std::string pattern, std::vector<param_spec> specs, access who) {
    auto r = make_route(method, std::move(pattern), std::move(specs), "");
    r.who = who;
    r.run = [](const request&, const params& values) {
      return http::json(200,
                        document{{"role", domain::name_of(values.caller().as)}, {"id", values.caller().id}}.dump());
    };
    return r;
  };
  routes.add(caller_route(verb::get, "/restaurants/", {}, access::anyone));
  routes.add(caller_route(verb::get, "/customers/{customer_id}", {path_id("customer_id", "Id")}, access::customer));
  routes.add(caller_route(verb::get, "/restaurants/{restaurant_id}/orders", {path_id("restaurant_id", "Id")},
                          access::restaurant));
  routes.add(caller_route(verb::get, "/orders/{order_id}", {path_id("order_id", "Id")}, access::party));
  routes.add(caller_route(verb::get, "/customers/", {}, access::admin));
  routes.add(admin_only(caller_route(verb::delete_, "/cache/clear", {}, access::admin)));
  routes.control_access(
      {"", auth::token_settings{auth::signing_key::shared_secret("router-test-secret-0123456789abcdef"), std::nullopt,
                                std::nullopt, std::chrono::seconds(30)}});
  return routes;
}

std::string token_of(domain::role as, domain::id_t id) {
  const auto now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  return "Bearer " + auth::issue_token({auth::signing_key::shared_secret("router-test-secret-0123456789abcdef"),
                                        std::nullopt, std::nullopt, std::chrono::seconds(30)},
                                       {"test", {as, id}, now - 10, now + 600});
}

TEST(Router, WithJwtOnlyThePublicRoutesNeedNoToken) {
  const auto routes = jwt_router();
  EXPECT_EQ(routes.dispatch(get("/restaurants/")).status, 200);
  for (const char* path : {"/customers/5", "/restaurants/3/orders", "/orders/9", "/customers/"}) {
    const auto refused = routes.dispatch(get(path));
    EXPECT_EQ(refused.status, 401) << path;
    EXPECT_EQ(header_of(refused, "www-authenticate"), "Bearer") << path;
  }
  EXPECT_EQ(routes.dispatch(with_method(verb::delete_, "/cache/clear")).status, 401);
}

TEST(Router, WithJwtEachRoleReachesItsRoutesOnItsOwnIds) {
  const auto routes = jwt_router();
  const auto as = [&](std::string_view path, const std::string& token) {
    auto req = get(path);
    req.authorization = token;
    return routes.dispatch(req);
  };
  const auto customer = token_of(domain::role::customer, 5);
  EXPECT_EQ(as("/customers/5", customer).body, R"({"id":5,"role":"customer"})");
  EXPECT_EQ(as("/customers/6", customer).body, R"({"detail":"Customer not found"})");
  EXPECT_EQ(as("/orders/9", customer).status, 200);
  EXPECT_EQ(as("/restaurants/3/orders", customer).body, R"({"detail":"Not enough permissions"})");
  EXPECT_EQ(as("/customers/", customer).status, 403);
  const auto restaurant = token_of(domain::role::restaurant, 3);
  EXPECT_EQ(as("/restaurants/3/orders", restaurant).status, 200);
  EXPECT_EQ(as("/restaurants/4/orders", restaurant).body, R"({"detail":"Restaurant not found"})");
  EXPECT_EQ(as("/customers/5", restaurant).status, 403);
  const auto admin = token_of(domain::role::admin, 0);
  for (const char* path : {"/customers/5", "/restaurants/4/orders", "/orders/9", "/customers/"}) {
    EXPECT_EQ(as(path, admin).status, 200) << path;
  }
  EXPECT_EQ(as("/restaurants/", customer).body, R"({"id":5,"role":"customer"})") << "a public route knows its caller";
  EXPECT_EQ(as("/restaurants/", "Bearer forged").body, R"({"id":0,"role":"anyone"})");
}

TEST(Router, RequestsOfTheServerItselfActAsAnAdmin) {
  const auto routes = jwt_router();
  auto req = get("/customers/");
  req.internal = true;
  EXPECT_EQ(routes.dispatch(req).body, R"({"id":0,"role":"admin"})");
}

TEST(Router, OnlyRoutesWhoseOwnerNoParameterNamesDependOnTheCaller) {
  const auto routes = jwt_router();
  std::vector<std::string> depending;
  for (const auto& r : routes.routes()) {
    if (answer_depends_on_caller(r)) depending.push_back(r.pattern);
  }
  EXPECT_EQ(depending, std::vector<std::string>{"/orders/{order_id}"});
}

}  // namespace
}  // namespace zomato::http
