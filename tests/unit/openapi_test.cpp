#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/openapi.hpp"
#include "http/responses.hpp"
#include "schemas/body_rules.hpp"

namespace zomato::api {
namespace {

using nlohmann::json;

std::vector<schemas::field_rule> dish_rules() {
  std::vector<schemas::field_rule> r(4);
  r[0] = {.name = "name", .required = true, .min_length = 3, .max_length = 100, .description = "Dish name"};
  r[1] = {.name = "description", .nullable = true};
  r[2] = {
      .name = "price", .kind = schemas::field_kind::money, .required = true, .minimum = 0.0, .exclusive_minimum = true};
  r[3] = {.name = "opens", .kind = schemas::field_kind::time_of_day, .example = R"("10:00:00")"};
  r[0].example = R"("Dal")";
  return r;
}

// A route anyone may call.
http::route make_route(http::verb method, std::string pattern, std::vector<http::param_spec> specs,
                       http::route_doc doc) {
  http::route r;
  r.who = http::access::anyone;
  r.method = method;
  r.pattern = std::move(pattern);
  r.params = std::move(specs);
  r.run = [](const http::request&, const http::params&) { return http::detail(200, "ok"); };
  r.doc = std::move(doc);
  return r;
}

openapi_components sample_components() {
  openapi_components c;
  c.body("DishCreate", dish_rules(), schemas::body_mode::create);
  c.body("DishUpdate", dish_rules(), schemas::body_mode::update);
  using namespace schemas;
  c.add("Dish", object_of({{"id", whole()}, {"name", text()}, {"description", text().or_null()}, {"price", number()}}));
  c.add("DishWithMenu", object_of({{"id", whole()},
                                   {"owner", component("Dish")},
                                   {"previous", component("Dish").or_null()},
                                   {"items", list_of(component("Dish"))},
                                   {"by_size", map_of(whole())},
                                   {"price_or_note", one_of({number(), text()})},
                                   {"note", text(), false}}));
  c.page("DishPage", "dishes", "Dish");
  c.add("HTTPValidationError", object_of({{"detail", list_of(anything())}}));
  c.add("HTTPError", object_of({{"detail", text()}}));
  c.add("Conflict", object_of({{"detail", text()}, {"holder", whole()}}));
  c.add("Welcome", object_of({{"message", text()}}));
  c.tag("root", "The welcome");
  c.tag("dishes", "Dishes");
  c.tag("x", "Anything else");
  return c;
}

http::router sample_router() {
  http::router routes;
  routes.add(make_route(http::verb::get, "/", {}, {"root", "getWelcome", "Welcome", "", "Welcome", 200}));
  routes.add(make_route(http::verb::get, "/dishes/", http::pagination(),
                        {"dishes", "listDishes", "List dishes", "", "DishPage", 200}));
  routes.add(http::callable_by(
      http::access::customer,
      make_route(http::verb::post, "/dishes/", {http::header_text("Idempotency-Key", "Retry key", "k-1")},
                 {"dishes", "createDish", "Create a dish", "DishCreate", "Dish", 201, {{400}}})));
  routes.add(make_route(http::verb::put, "/dishes/{dish_id}", {http::path_id("dish_id", "The dish")},
                        {"dishes", "updateDish", "Update a dish", "DishUpdate", "Dish", 200, {{409, "Conflict"}}}));
  routes.add(
      http::admin_only(make_route(http::verb::delete_, "/dishes/{dish_id}", {http::path_id("dish_id", "The dish")},
                                  {"dishes", "deleteDish", "Delete a dish", "", "", 204})));
  routes.add(
      make_route(http::verb::get, "/dishes/search",
                 {http::query_text("q", true, "Text", "dal"), http::query_flag("vegan", ""),
                  http::query_time_bound("from", "Added at or after"), http::query_integer("owner", 0, 1, 99, "Owner"),
                  http::query_choice("size", {"small", "large"}, "Size")},
                 {"dishes", "searchDishes", "Search", "", "DishPage", 200}));
  return routes;
}

json document() { return json::parse(openapi_document(sample_router(), sample_components())); }

const json& parameter(const json& operation, const std::string& name) {
  for (const auto& p : operation["parameters"]) {
    if (p["name"] == name) return p;
  }
  throw std::out_of_range("no parameter " + name);
}

void collect_refs(const json& node, std::set<std::string>& refs) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "$ref") refs.insert(value.get<std::string>());
      collect_refs(value, refs);
    }
  } else if (node.is_array()) {
    for (const auto& value : node) collect_refs(value, refs);
  }
}

TEST(OpenapiDocument, IsValidJsonWithTheHeader) {
  const auto text = openapi_document(sample_router(), sample_components());
  ASSERT_TRUE(json::accept(text)) << text;
  const auto doc = json::parse(text);
  EXPECT_EQ(doc["openapi"], "3.0.3");
  EXPECT_TRUE(doc["info"]["title"].is_string());
  EXPECT_TRUE(doc["info"]["version"].is_string());
}

TEST(OpenapiDocument, ListsEveryPathAndMethod) {
  const auto doc = document();
  std::set<std::string> paths;
  for (const auto& [path, item] : doc["paths"].items()) paths.insert(path);
  EXPECT_EQ(paths, (std::set<std::string>{"/", "/dishes", "/dishes/{dish_id}", "/dishes/search"}))
      << "a trailing slash, which the router ignores, is not documented";
  EXPECT_TRUE(doc["paths"]["/dishes"].contains("get"));
  EXPECT_TRUE(doc["paths"]["/dishes"].contains("post"));
  EXPECT_TRUE(doc["paths"]["/dishes/{dish_id}"].contains("put"));
  EXPECT_TRUE(doc["paths"]["/dishes/{dish_id}"].contains("delete"));
  EXPECT_EQ(doc["paths"]["/dishes"]["post"]["summary"], "Create a dish");
  EXPECT_EQ(doc["paths"]["/dishes"]["post"]["tags"], json::array({"dishes"}));
}

TEST(OpenapiDocument, DescribesQueryParameters) {
  const auto list = document()["paths"]["/dishes"]["get"];
  ASSERT_EQ(list["parameters"].size(), 2u);
  const auto& limit = parameter(list, "limit");
  EXPECT_EQ(limit["in"], "query");
  EXPECT_EQ(limit["required"], false);
  EXPECT_EQ(limit["schema"]["type"], "integer");
  EXPECT_EQ(limit["schema"]["minimum"], 1);
  EXPECT_EQ(limit["schema"]["maximum"], 1000);
  EXPECT_EQ(limit["schema"]["default"], 100);
  const auto& skip = parameter(list, "skip");
  EXPECT_EQ(skip["schema"]["minimum"], 0);
  EXPECT_FALSE(skip["schema"].contains("maximum"));
  EXPECT_EQ(skip["schema"]["default"], 0);

  const auto search = document()["paths"]["/dishes/search"]["get"];
  EXPECT_EQ(parameter(search, "q")["required"], true);
  EXPECT_EQ(parameter(search, "q")["schema"]["type"], "string");
  EXPECT_EQ(parameter(search, "vegan")["schema"]["type"], "boolean");
  EXPECT_FALSE(parameter(search, "vegan").contains("description"));
  const auto& from = parameter(search, "from");
  EXPECT_EQ(from["required"], false);
  EXPECT_EQ(from["schema"]["anyOf"], json::parse(R"([{"type":"string","format":"date-time"},
                                                     {"type":"string","format":"date"}])"));
}

TEST(OpenapiDocument, DescribesPathParameters) {
  const auto put = document()["paths"]["/dishes/{dish_id}"]["put"];
  const auto& id = parameter(put, "dish_id");
  EXPECT_EQ(id["in"], "path");
  EXPECT_EQ(id["required"], true);
  EXPECT_EQ(id["description"], "The dish");
  EXPECT_EQ(id["schema"]["type"], "integer");
  EXPECT_FALSE(id["schema"].contains("minimum"));
  EXPECT_FALSE(id["schema"].contains("default"));
}

TEST(OpenapiDocument, RefersToTheRequestBody) {
  const auto post = document()["paths"]["/dishes"]["post"];
  EXPECT_EQ(post["requestBody"]["required"], true);
  EXPECT_EQ(post["requestBody"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/DishCreate");
  EXPECT_FALSE(document()["paths"]["/dishes"]["get"].contains("requestBody"));
}

TEST(OpenapiDocument, DescribesResponses) {
  const auto doc = document();
  const auto post = doc["paths"]["/dishes"]["post"]["responses"];
  ASSERT_TRUE(post.contains("201"));
  EXPECT_EQ(post["201"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/Dish");
  EXPECT_FALSE(post.contains("200"));

  const auto del = doc["paths"]["/dishes/{dish_id}"]["delete"]["responses"];
  ASSERT_TRUE(del.contains("204"));
  EXPECT_FALSE(del["204"].contains("content"));
}

TEST(OpenapiDocument, AddsValidationErrorsWhereRequestsAreChecked) {
  const auto doc = document();
  for (const auto& [path, method] : std::vector<std::pair<std::string, std::string>>{
           {"/dishes", "get"}, {"/dishes", "post"}, {"/dishes/{dish_id}", "put"}, {"/dishes/search", "get"}}) {
    const auto& responses = doc["paths"][path][method]["responses"];
    ASSERT_TRUE(responses.contains("422")) << method << " " << path;
    EXPECT_EQ(responses["422"]["content"]["application/json"]["schema"]["$ref"],
              "#/components/schemas/HTTPValidationError");
  }
  EXPECT_FALSE(doc["paths"]["/"]["get"]["responses"].contains("422"));
}

TEST(OpenapiDocument, DescribesBodyComponents) {
  const auto schemas = document()["components"]["schemas"];
  const auto create = schemas["DishCreate"];
  EXPECT_EQ(create["type"], "object");
  EXPECT_EQ(create["required"], json::parse(R"(["name","price"])"));
  EXPECT_EQ(create["properties"]["name"]["type"], "string");
  EXPECT_EQ(create["properties"]["name"]["minLength"], 3);
  EXPECT_EQ(create["properties"]["name"]["maxLength"], 100);
  EXPECT_EQ(create["properties"]["name"]["description"], "Dish name");
  EXPECT_EQ(create["properties"]["description"]["nullable"], true);
  EXPECT_EQ(create["properties"]["price"]["type"], "number");
  EXPECT_EQ(create["properties"]["price"]["minimum"], 0.0);
  EXPECT_EQ(create["properties"]["price"]["exclusiveMinimum"], true);
  EXPECT_EQ(create["properties"]["opens"]["pattern"], "^\\d{2}:\\d{2}(:\\d{2})?$");
  EXPECT_FALSE(create["properties"]["opens"].contains("format")) << "the JSON Schema format requires a zone";
  EXPECT_EQ(create["properties"]["name"]["example"], "Dal");
  EXPECT_FALSE(schemas["DishUpdate"].contains("required")) << "OpenAPI 3.0 forbids an empty required list";
  EXPECT_EQ(schemas["DishUpdate"]["properties"], create["properties"]);
}

TEST(OpenapiComponents, StateTheCapsOfPricesQuantitiesLinesAndTexts) {
  const schemas::body_rules rules{schemas::body_limits{.max_order_lines = 7, .max_text_length = 300}};
  openapi_components c;
  c.body("MenuItemCreate", rules.menu_item(), schemas::body_mode::create);
  c.body("OrderCreate", rules.order(), schemas::body_mode::create);
  c.body("OrderLineCreate", rules.order_line(), schemas::body_mode::create);
  const auto item = json::parse(c.schemas().at("MenuItemCreate").json)["properties"];
  EXPECT_EQ(item["price"]["maximum"], 100000.0);
  EXPECT_EQ(item["description"]["maxLength"], 300);
  const auto order = json::parse(c.schemas().at("OrderCreate").json)["properties"];
  EXPECT_EQ(order["order_items"]["maxItems"], 7);
  EXPECT_EQ(order["order_items"]["minItems"], 1);
  EXPECT_FALSE(order["order_items"].contains("maxLength"));
  EXPECT_EQ(order["delivery_address"]["maxLength"], 300);
  EXPECT_EQ(json::parse(c.schemas().at("OrderLineCreate").json)["properties"]["quantity"]["maximum"], 1000.0);
}

TEST(OpenapiDocument, DescribesObjectAndPageComponents) {
  const auto schemas = document()["components"]["schemas"];
  const auto dish = schemas["Dish"];
  EXPECT_EQ(dish["properties"]["id"]["type"], "integer");
  EXPECT_EQ(dish["properties"]["description"]["nullable"], true);
  EXPECT_EQ(dish["required"], json::parse(R"(["id","name","description","price"])"));

  const auto nested = schemas["DishWithMenu"];
  EXPECT_EQ(nested["properties"]["owner"]["$ref"], "#/components/schemas/Dish");
  EXPECT_EQ(nested["properties"]["previous"],
            json::parse(R"({"allOf":[{"$ref":"#/components/schemas/Dish"}],"nullable":true})"));
  EXPECT_EQ(nested["properties"]["items"]["type"], "array");
  EXPECT_EQ(nested["properties"]["items"]["items"]["$ref"], "#/components/schemas/Dish");
  EXPECT_EQ(nested["properties"]["by_size"],
            json::parse(R"({"type":"object","additionalProperties":{"type":"integer"}})"));
  EXPECT_EQ(nested["properties"]["price_or_note"], json::parse(R"({"oneOf":[{"type":"number"},{"type":"string"}]})"));
  EXPECT_EQ(nested["required"], json::parse(R"(["id","owner","previous","items","by_size","price_or_note"])"))
      << "a key only some bodies have is not required";

  const auto page = schemas["DishPage"];
  EXPECT_EQ(page["properties"]["dishes"]["type"], "array");
  EXPECT_EQ(page["properties"]["dishes"]["items"]["$ref"], "#/components/schemas/Dish");
  EXPECT_EQ(page["properties"]["total"]["type"], "integer");
  EXPECT_EQ(page["properties"]["skip"]["type"], "integer");
  EXPECT_EQ(page["properties"]["limit"]["type"], "integer");
  EXPECT_EQ(page["required"], json::parse(R"(["dishes","total","skip","limit"])"));

  EXPECT_EQ(schemas["Welcome"]["properties"]["message"]["type"], "string");
}

TEST(OpenapiDocument, EveryReferenceResolves) {
  const auto doc = document();
  std::set<std::string> refs;
  collect_refs(doc, refs);
  EXPECT_FALSE(refs.empty());
  for (const auto& ref : refs) {
    const std::string prefix = "#/components/schemas/";
    ASSERT_EQ(ref.rfind(prefix, 0), 0u) << ref;
    EXPECT_TRUE(doc["components"]["schemas"].contains(ref.substr(prefix.size()))) << ref;
  }
}

TEST(OpenapiDocument, UnknownResponseComponentThrows) {
  auto routes = sample_router();
  routes.add(make_route(http::verb::get, "/ghost", {}, {"x", "ghost", "Ghost", "", "NoSuchSchema", 200}));
  EXPECT_THROW((void)openapi_document(routes, sample_components()), std::logic_error);
}

TEST(OpenapiDocument, UnknownRequestComponentThrows) {
  http::router routes;
  routes.add(make_route(http::verb::post, "/ghost", {}, {"x", "ghost", "Ghost", "NoSuchBody", "", 201}));
  EXPECT_THROW((void)openapi_document(routes, sample_components()), std::logic_error);
}

TEST(OpenapiDocument, EmptyRouterGivesEmptyPaths) {
  const auto doc = json::parse(openapi_document(http::router{}, openapi_components{}));
  EXPECT_EQ(doc["paths"], json::object());
  EXPECT_EQ(doc["components"]["schemas"], json::object());
}

TEST(OpenapiDocument, UnknownFailureComponentThrows) {
  http::router routes;
  routes.add(make_route(http::verb::get, "/ghost", {}, {"x", "ghost", "Ghost", "", "", 200, {{409, "NoSuchError"}}}));
  EXPECT_THROW((void)openapi_document(routes, sample_components()), std::logic_error);
}

TEST(OpenapiDocument, RepeatedOrMissingOperationIdThrows) {
  auto routes = sample_router();
  routes.add(make_route(http::verb::get, "/again", {}, {"x", "listDishes", "Again", "", "", 200}));
  EXPECT_THROW((void)openapi_document(routes, sample_components()), std::logic_error);
  http::router unnamed;
  unnamed.add(make_route(http::verb::get, "/unnamed", {}, {"x", "", "Unnamed", "", "", 200}));
  EXPECT_THROW((void)openapi_document(unnamed, sample_components()), std::logic_error);
}

TEST(OpenapiDocument, UndeclaredTagThrows) {
  http::router routes;
  routes.add(make_route(http::verb::get, "/ghost", {}, {"nowhere", "ghost", "Ghost", "", "", 200}));
  EXPECT_THROW((void)openapi_document(routes, sample_components()), std::logic_error);
}

TEST(OpenapiDocument, NamesEveryOperationAndDeclaresItsTags) {
  const auto doc = document();
  EXPECT_EQ(doc["paths"]["/dishes/{dish_id}"]["put"]["operationId"], "updateDish");
  EXPECT_EQ(doc["paths"]["/"]["get"]["operationId"], "getWelcome");
  EXPECT_EQ(doc["tags"][1], json::parse(R"({"name":"dishes","description":"Dishes"})"));
  EXPECT_EQ(doc["servers"][0]["url"], "/");
  EXPECT_EQ(doc["security"], json::array()) << "only the operations that say so need credentials";
}

TEST(OpenapiDocument, MarksEachOperationsSecurityByWhoMayCallIt) {
  const auto doc = document();
  EXPECT_EQ(doc["components"]["securitySchemes"]["bearerAuth"]["type"], "http");
  EXPECT_EQ(doc["components"]["securitySchemes"]["bearerAuth"]["scheme"], "bearer");
  const auto& del = doc["paths"]["/dishes/{dish_id}"]["delete"];
  EXPECT_EQ(del["security"], json::parse(R"([{"bearerAuth":[]}])"));
  EXPECT_EQ(del["responses"]["401"]["headers"]["WWW-Authenticate"]["schema"]["type"], "string");
  EXPECT_NE(del["description"].get<std::string>().find("ADMIN_TOKEN"), std::string::npos);
  const auto& create = doc["paths"]["/dishes"]["post"];
  EXPECT_EQ(create["security"], json::parse(R"([{"bearerAuth":[]}])"));
  EXPECT_NE(create["description"].get<std::string>().find("a `customer` token"), std::string::npos);
  EXPECT_EQ(doc["paths"]["/dishes/{dish_id}"]["put"]["security"], json::array()) << "public: no token";
}

TEST(OpenapiDocument, DescribesCachingAndWhereWorkRuns) {
  auto routes = sample_router();
  auto cached = make_route(http::verb::get, "/cached", {}, {"x", "cached", "A cached read", "", "Welcome", 200});
  cached.cache = {std::uint8_t{0}, 30, ""};
  cached.work = http::work_kind::quick;
  routes.add(std::move(cached));
  const auto doc = json::parse(openapi_document(routes, sample_components()));
  EXPECT_EQ(doc["paths"]["/cached"]["get"]["description"],
            "A cached read. Cached in the `restaurants` namespace for 30 s; answers carry `ETag` and "
            "`X-Cache-Status`. Served on the event loop (on the read pool with PostgreSQL).");
  EXPECT_EQ(doc["paths"]["/"]["get"]["description"], "Welcome. Runs on the read pool.");
  auto local = make_route(http::verb::get, "/local", {}, {"x", "local", "No database", "", "Welcome", 200});
  local.work = http::work_kind::local;
  routes.add(std::move(local));
  EXPECT_EQ(json::parse(openapi_document(routes, sample_components()))["paths"]["/local"]["get"]["description"],
            "No database. Served on the event loop.");
}

TEST(OpenapiDocument, DocumentsTheFailuresEachRouteCanGive) {
  const auto doc = document();
  const auto statuses = [&](const std::string& path, const std::string& method) {
    std::set<std::string> found;
    for (const auto& [status, response] : doc["paths"][path][method]["responses"].items()) found.insert(status);
    return found;
  };
  EXPECT_EQ(statuses("/", "get"), (std::set<std::string>{"200", "429", "503"}));
  EXPECT_EQ(statuses("/dishes", "post"),
            (std::set<std::string>{"201", "400", "401", "403", "413", "415", "422", "429", "503"}));
  EXPECT_EQ(statuses("/dishes/{dish_id}", "put"),
            (std::set<std::string>{"200", "404", "409", "413", "415", "422", "429", "503"}));
  EXPECT_EQ(statuses("/dishes/{dish_id}", "delete"),
            (std::set<std::string>{"204", "401", "403", "404", "422", "429", "503"}));
  const auto& put = doc["paths"]["/dishes/{dish_id}"]["put"]["responses"];
  EXPECT_EQ(put["404"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/HTTPError");
  EXPECT_EQ(put["409"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/Conflict");
  EXPECT_EQ(put["503"]["headers"]["Retry-After"]["schema"]["type"], "integer");
  EXPECT_EQ(put["429"]["headers"]["Retry-After"]["schema"]["type"], "integer");
  EXPECT_NE(put["429"]["description"].get<std::string>().find("RATE_LIMIT_WRITES"), std::string::npos);
  const auto& read = doc["paths"]["/"]["get"]["responses"]["429"];
  EXPECT_NE(read["description"].get<std::string>().find("RATE_LIMIT_READS"), std::string::npos);
}

TEST(OpenapiDocument, OffersAnExampleForEveryParameterAndBody) {
  const auto doc = document();
  const auto search = doc["paths"]["/dishes/search"]["get"];
  EXPECT_EQ(parameter(search, "q")["example"], "dal");
  EXPECT_EQ(parameter(search, "vegan")["example"], true);
  EXPECT_EQ(parameter(search, "from")["example"], "2026-01-01");
  EXPECT_EQ(parameter(search, "owner")["example"], 1) << "the default is out of bounds, so the lowest id";
  EXPECT_EQ(parameter(search, "size")["example"], "small");
  EXPECT_EQ(parameter(doc["paths"]["/dishes"]["get"], "limit")["example"], 100);
  const auto& key = parameter(doc["paths"]["/dishes"]["post"], "Idempotency-Key");
  EXPECT_EQ(key["in"], "header");
  EXPECT_EQ(key["required"], false);
  EXPECT_EQ(key["example"], "k-1");
  EXPECT_EQ(parameter(doc["paths"]["/dishes/{dish_id}"]["put"], "dish_id")["example"], 1);
  EXPECT_EQ(doc["paths"]["/dishes"]["post"]["requestBody"]["content"]["application/json"]["example"],
            json::parse(R"({"name":"Dal","opens":"10:00:00"})"));
}

TEST(OpenapiComponents, TextBodiesKeepTheirMediaType) {
  openapi_components c;
  c.text("Page", "text/html");
  c.add("HTTPError", schemas::object_of({{"detail", schemas::text()}}));
  c.tag("x", "X");
  http::router routes;
  routes.add(make_route(http::verb::get, "/page", {}, {"x", "page", "A page", "", "Page", 200}));
  const auto doc = json::parse(openapi_document(routes, c));
  EXPECT_EQ(doc["paths"]["/page"]["get"]["responses"]["200"]["content"]["text/html"]["schema"]["$ref"],
            "#/components/schemas/Page");
  EXPECT_EQ(doc["components"]["schemas"]["Page"]["type"], "string");
}

}  // namespace
}  // namespace zomato::api
