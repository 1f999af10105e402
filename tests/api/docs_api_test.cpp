#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "support/api_fixtures.hpp"

namespace zomato::testing {
namespace {

class DocsApi : public api_suite {
 protected:
  json openapi() {
    const auto reply = client().get("/openapi.json");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("content-type").rfind("application/json", 0), 0u) << reply.header("content-type");
    return json::parse(reply.body);  // throws, failing the test, if the document is not JSON
  }
};

struct documented_route {
  std::string method;
  std::string path;                // as the README writes it, parameters as {name}
  std::vector<std::string> query;  // query parameters the operation must declare
};

// The README's Restaurant Management and Menu Item Management tables, and the two
// routes the contract adds.
const std::vector<documented_route>& readme_routes() {
  static const std::vector<documented_route> routes{
      {"post", "/restaurants/", {}},
      {"get", "/restaurants/", {"skip", "limit"}},
      {"get", "/restaurants/{id}", {}},
      {"put", "/restaurants/{id}", {}},
      {"delete", "/restaurants/{id}", {}},
      {"get", "/restaurants/search", {"cuisine", "skip", "limit"}},
      {"get", "/restaurants/active", {"skip", "limit"}},
      {"post", "/restaurants/{id}/menu-items/", {}},
      {"get", "/restaurants/{id}/menu", {"skip", "limit"}},
      {"get", "/restaurants/{id}/with-menu", {}},
      {"get", "/menu-items/", {"skip", "limit"}},
      {"get", "/menu-items/{id}", {}},
      {"get", "/menu-items/{id}/with-restaurant", {}},
      {"put", "/menu-items/{id}", {}},
      {"delete", "/menu-items/{id}", {}},
      {"get", "/menu-items/search", {"category", "vegetarian", "vegan", "available", "skip", "limit"}},
      {"get", "/menu-items/dietary/{dietary_type}", {}},
      {"get", "/menu-items/category/{category}", {}},
  };
  return routes;
}

// "/restaurants/{restaurant_id}/menu-items/" -> "/restaurants/{}/menu-items"
std::string shape_of(const std::string& path) {
  std::string out = std::regex_replace(path, std::regex("\\{[^}]*\\}"), "{}");
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

std::vector<std::string> path_parameters(const std::string& path) {
  std::vector<std::string> names;
  const std::regex param("\\{([^}]*)\\}");
  for (auto it = std::sregex_iterator(path.begin(), path.end(), param); it != std::sregex_iterator(); ++it) {
    names.push_back((*it)[1].str());
  }
  return names;
}

void collect_refs(const json& node, std::set<std::string>& refs) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "$ref" && value.is_string()) refs.insert(value.get<std::string>());
      collect_refs(value, refs);
    }
  } else if (node.is_array()) {
    for (const auto& value : node) collect_refs(value, refs);
  }
}

TEST_F(DocsApi, OpenApiIsVersion3WithInfo) {
  const auto doc = openapi();
  ASSERT_TRUE(doc["openapi"].is_string());
  EXPECT_EQ(doc["openapi"].get<std::string>().rfind("3.", 0), 0u) << doc["openapi"];
  ASSERT_TRUE(doc["info"].is_object());
  EXPECT_TRUE(doc["info"]["title"].is_string());
  EXPECT_TRUE(doc["info"]["version"].is_string());
  ASSERT_TRUE(doc["paths"].is_object());
}

TEST_F(DocsApi, EveryReadmeRouteIsDocumentedWithItsParameters) {
  const auto doc = openapi();
  for (const auto& route : readme_routes()) {
    const std::string label = route.method + " " + route.path;
    const json* operation = nullptr;
    std::string documented_path;
    for (const auto& [path, item] : doc["paths"].items()) {
      if (shape_of(path) == shape_of(route.path) && item.contains(route.method)) {
        operation = &item[route.method];
        documented_path = path;
      }
    }
    ASSERT_NE(operation, nullptr) << label << " is not in /openapi.json";
    std::set<std::string> path_params;
    std::set<std::string> query_params;
    for (const auto& parameter : operation->value("parameters", json::array())) {
      ASSERT_TRUE(parameter.contains("name") && parameter.contains("in") && parameter.contains("schema"))
          << label << ": " << parameter.dump();
      if (parameter["in"] == "path") {
        EXPECT_EQ(parameter.value("required", false), true) << label << ": " << parameter.dump();
        path_params.insert(parameter["name"].get<std::string>());
      } else if (parameter["in"] == "query") {
        query_params.insert(parameter["name"].get<std::string>());
      }
    }
    for (const auto& name : path_parameters(documented_path)) {
      EXPECT_TRUE(path_params.count(name)) << label << ": path parameter " << name << " not declared";
    }
    EXPECT_EQ(path_params.size(), path_parameters(documented_path).size()) << label;
    for (const auto& name : route.query) {
      EXPECT_TRUE(query_params.count(name)) << label << ": query parameter " << name << " not declared";
    }
    if (route.method == "post" || route.method == "put") {
      ASSERT_TRUE(operation->contains("requestBody")) << label;
      EXPECT_TRUE((*operation)["requestBody"]["content"].contains("application/json")) << label;
    }
    ASSERT_TRUE(operation->contains("responses")) << label;
    EXPECT_FALSE((*operation)["responses"].empty()) << label;
  }
}

TEST_F(DocsApi, SearchCuisineIsARequiredQueryParameter) {
  const auto doc = openapi();
  bool found = false;
  for (const auto& parameter : doc["paths"]["/restaurants/search"]["get"]["parameters"]) {
    if (parameter["name"] == "cuisine") {
      found = true;
      EXPECT_EQ(parameter["in"], "query");
      EXPECT_EQ(parameter.value("required", false), true);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(DocsApi, EveryReferenceResolves) {
  const auto doc = openapi();
  std::set<std::string> refs;
  collect_refs(doc, refs);
  EXPECT_FALSE(refs.empty());
  for (const auto& ref : refs) {
    const std::string prefix = "#/components/schemas/";
    ASSERT_EQ(ref.rfind(prefix, 0), 0u) << ref;
    EXPECT_TRUE(doc["components"]["schemas"].contains(ref.substr(prefix.size()))) << ref << " does not resolve";
  }
}

TEST_F(DocsApi, DocumentedOperationsAreServed) {
  // every GET without path parameters that the document lists is routed (no 404/405)
  const auto doc = openapi();
  for (const auto& [path, item] : doc["paths"].items()) {
    if (!item.contains("get") || path.find('{') != std::string::npos) continue;
    std::string target = path;
    if (path == "/restaurants/search") target += "?cuisine=x";
    const auto reply = client().get(target);
    EXPECT_TRUE(reply.status != 404 && reply.status != 405) << path << " answered " << reply.status;
  }
}

std::vector<std::string> asset_urls(const std::string& html) {
  std::vector<std::string> urls;
  const std::regex attribute("(?:src|href)=\"(/[^\"]+)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), attribute); it != std::sregex_iterator(); ++it) {
    urls.push_back((*it)[1].str());
  }
  return urls;
}

TEST_F(DocsApi, SwaggerPageReferencesServedAssets) {
  const auto page = client().get("/docs");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("content-type").rfind("text/html", 0), 0u) << page.header("content-type");
  EXPECT_NE(page.body.find("/openapi.json"), std::string::npos);
  const auto urls = asset_urls(page.body);
  EXPECT_GE(urls.size(), 2u) << page.body;
  bool script = false;
  bool style = false;
  for (const auto& url : urls) {
    const auto asset = client().get(url);
    EXPECT_EQ(asset.status, 200) << url << ": " << asset.body.substr(0, 200);
    EXPECT_GT(asset.body.size(), 1000u) << url;
    const auto type = asset.header("content-type");
    script = script || type.find("javascript") != std::string::npos;
    style = style || type.rfind("text/css", 0) == 0;
  }
  EXPECT_TRUE(script) << "no script asset";
  EXPECT_TRUE(style) << "no stylesheet asset";
}

TEST_F(DocsApi, RedocPageReferencesServedAssets) {
  const auto page = client().get("/redoc");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("content-type").rfind("text/html", 0), 0u) << page.header("content-type");
  EXPECT_NE(page.body.find("/openapi.json"), std::string::npos);
  const auto urls = asset_urls(page.body);
  ASSERT_GE(urls.size(), 1u) << page.body;
  for (const auto& url : urls) {
    const auto asset = client().get(url);
    EXPECT_EQ(asset.status, 200) << url;
    EXPECT_NE(asset.header("content-type").find("javascript"), std::string::npos) << url;
    EXPECT_GT(asset.body.size(), 1000u) << url;
  }
}

}  // namespace
}  // namespace zomato::testing
