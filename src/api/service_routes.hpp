#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "api/openapi.hpp"
#include "http/router.hpp"
#include "services/readiness_service.hpp"

namespace zomato::api {

/// The version of the API (the seed README's), in /, /health, the OpenAPI document and --version.
inline constexpr std::string_view api_version = "3.1.0";

/// GET / (welcome, naming the cache backend), GET /health (liveness) and GET /health/ready
/// (whether writes can succeed now).
void add_root_routes(http::router& routes, openapi_components& docs, const std::string& cache_backend,
                     services::readiness_service& readiness);

/// GET /metrics: what `scrape` returns, in Prometheus' text format; never cached.
void add_metrics_route(http::router& routes, openapi_components& docs, std::function<std::string()> scrape);

/// GET /openapi.json, /docs (Swagger UI), /redoc (ReDoc) and their assets from asset_dir
/// (the installed npm packages). Returns the text /openapi.json serves: fill it with
/// openapi_document() once every route is added.
std::shared_ptr<std::string> add_docs_routes(http::router& routes, openapi_components& docs,
                                             const std::string& asset_dir);

}  // namespace zomato::api
