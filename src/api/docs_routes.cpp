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
  docs.raw("OpenAPI", R"({"type":"object"})");
  docs.raw("Html", R"({"type":"string"})");
  docs.raw("HTTPValidationError",
           R"({"type":"object","properties":{"detail":{"type":"array","items":{"type":"object","properties":)"
           R"({"type":{"type":"string"},"loc":{"type":"array","items":{}},"msg":{"type":"string"},"input":{}}}}}})");
  const char* const tag = "Documentation";

  routes.add({http::verb::get,
              "/openapi.json",
              {},
              [document](const http::request&, const http::params&) { return http::json(200, *document); },
              {tag, "This OpenAPI document", "", "OpenAPI"},
              {},
              http::work_kind::quick});
  routes.add({http::verb::get,
              "/docs",
              {},
              [](const http::request&, const http::params&) { return page("text/html; charset=utf-8", swagger_page); },
              {tag, "Swagger UI", "", "Html"},
              {},
              http::work_kind::quick});
  routes.add({http::verb::get,
              "/redoc",
              {},
              [](const http::request&, const http::params&) { return page("text/html; charset=utf-8", redoc_page); },
              {tag, "ReDoc", "", "Html"},
              {},
              http::work_kind::quick});
  routes.add({http::verb::get,
              "/docs/swagger-ui.css",
              {},
              serve(load(asset_dir + "/swagger-ui-dist/swagger-ui.css", "text/css")),
              {tag, "Swagger UI stylesheet", "", ""},
              {},
              http::work_kind::quick});
  routes.add({http::verb::get,
              "/docs/swagger-ui-bundle.js",
              {},
              serve(load(asset_dir + "/swagger-ui-dist/swagger-ui-bundle.js", "application/javascript")),
              {tag, "Swagger UI script", "", ""},
              {},
              http::work_kind::quick});
  routes.add({http::verb::get,
              "/redoc/redoc.standalone.js",
              {},
              serve(load(asset_dir + "/redoc/bundles/redoc.standalone.js", "application/javascript")),
              {tag, "ReDoc script", "", ""},
              {},
              http::work_kind::quick});
  return document;
}

}  // namespace zomato::api
