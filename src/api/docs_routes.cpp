#include <fstream>
#include <memory>
#include <sstream>

#include "api/service_routes.hpp"
#include "http/responses.hpp"

namespace zomato::api {
namespace {

struct asset {
  std::string_view content_type;
  std::string body;
};

std::shared_ptr<const asset> load(const std::string& path, std::string_view content_type) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return nullptr;
  std::ostringstream contents;
  contents << file.rdbuf();
  return std::make_shared<const asset>(asset{content_type, contents.str()});
}

http::response page(std::string_view content_type, std::string body) {
  http::response out;
  out.content_type = content_type;
  out.body = std::move(body);
  return out;
}

http::handler serve(const std::shared_ptr<const asset>& file) {
  return [file](const http::request&, const http::params&) {
    if (!file) return http::detail(404, "Documentation assets are not installed; run make setup");
    return page(file->content_type, file->body);
  };
}

const char* const swagger_page = R"(<!DOCTYPE html>
<html><head><title>Zomato API - Swagger UI</title><meta charset="utf-8">
<link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true});</script>
</body></html>)";

const char* const redoc_page = R"(<!DOCTYPE html>
<html><head><title>Zomato API - ReDoc</title><meta charset="utf-8"></head>
<body><redoc spec-url="/openapi.json"></redoc>
<script src="/redoc/redoc.standalone.js"></script>
</body></html>)";

}  // namespace

std::shared_ptr<std::string> add_docs_routes(http::router& routes, openapi_components& docs,
                                             const std::string& asset_dir) {
  auto document = std::make_shared<std::string>("{}");
  using namespace schemas;
  docs.add("OpenApiDocument", object_of({{"openapi", text()},
                                         {"info", map_of(anything())},
                                         {"servers", list_of(map_of(anything()))},
                                         {"security", list_of(map_of(anything()))},
                                         {"tags", list_of(map_of(anything()))},
                                         {"paths", map_of(map_of(anything()))},
                                         {"components", map_of(map_of(anything()))}}));
  docs.text("Html", "text/html");
  docs.text("Stylesheet", "text/css");
  docs.text("Script", "application/javascript");
  docs.add("HTTPError", object_of({{"detail", text().described("What went wrong")}}));
  docs.add("ValidationProblem",
           object_of({{"type", text().described("The kind of problem, as FastAPI names it")},
                      {"loc", list_of(one_of({text(), whole()})).described("Where: body, query or path, then the key")},
                      {"msg", text()},
                      {"input", anything().described("The value that was refused")},
                      {"ctx", map_of(anything()), false}}));
  docs.add("HTTPValidationError", object_of({{"detail", list_of(component("ValidationProblem"))}}));
  const char* const tag = "Documentation";
  docs.tag(tag, "This document and the pages that render it");

  routes.add(
      http::callable_by(http::access::anyone,
                        {http::verb::get,
                         "/openapi.json",
                         {},
                         [document](const http::request&, const http::params&) { return http::json(200, *document); },
                         {tag, "getOpenApiDocument", "This OpenAPI document", "", "OpenApiDocument"},
                         {},
                         http::work_kind::local}));
  routes.add(http::callable_by(http::access::anyone, {http::verb::get,
                                                      "/docs",
                                                      {},
                                                      [](const http::request&, const http::params&) {
                                                        return page("text/html; charset=utf-8", swagger_page);
                                                      },
                                                      {tag, "getSwaggerUi", "Swagger UI", "", "Html"},
                                                      {},
                                                      http::work_kind::local}));
  routes.add(http::callable_by(http::access::anyone, {http::verb::get,
                                                      "/redoc",
                                                      {},
                                                      [](const http::request&, const http::params&) {
                                                        return page("text/html; charset=utf-8", redoc_page);
                                                      },
                                                      {tag, "getRedoc", "ReDoc", "", "Html"},
                                                      {},
                                                      http::work_kind::local}));
  routes.add(http::callable_by(
      http::access::anyone, {http::verb::get,
                             "/docs/swagger-ui.css",
                             {},
                             serve(load(asset_dir + "/swagger-ui-dist/swagger-ui.css", "text/css")),
                             {tag, "getSwaggerUiStylesheet", "Swagger UI stylesheet", "", "Stylesheet", 200, {{404}}},
                             {},
                             http::work_kind::local}));
  routes.add(http::callable_by(
      http::access::anyone, {http::verb::get,
                             "/docs/swagger-ui-bundle.js",
                             {},
                             serve(load(asset_dir + "/swagger-ui-dist/swagger-ui-bundle.js", "application/javascript")),
                             {tag, "getSwaggerUiScript", "Swagger UI script", "", "Script", 200, {{404}}},
                             {},
                             http::work_kind::local}));
  routes.add(http::callable_by(http::access::anyone,
                               {http::verb::get,
                                "/redoc/redoc.standalone.js",
                                {},
                                serve(load(asset_dir + "/redoc/bundles/redoc.standalone.js", "application/javascript")),
                                {tag, "getRedocScript", "ReDoc script", "", "Script", 200, {{404}}},
                                {},
                                http::work_kind::local}));
  return document;
}

}  // namespace zomato::api
