#pragma once

#include <string>

#include "app/background.hpp"
#include "app/request_lanes.hpp"
#include "cache/response_cache.hpp"
#include "http/router.hpp"
#include "net/server.hpp"
#include "store/database.hpp"

namespace zomato::app {

/// Where the figures of GET /metrics come from. The lanes and the server exist only while the
/// application serves; without them their families are left out.
struct metric_sources {
  const http::router& routes;
  cache::response_cache& cache;
  const store::database& db;
  const background& jobs;
  const request_lanes* lanes = nullptr;
  const net::server* server = nullptr;
};

/// The body of GET /metrics in Prometheus' text format 0.0.4 (the families are listed in the
/// README): requests by route, status and duration, the cache by namespace and level, the
/// database, the read pool and write threads, Redis, background jobs, the process and the
/// build. Asks Redis (PING and INFO, within its timeout) when one is configured and walks the
/// in-process cache's entries. Never fails: Redis unreachable shows as not connected, and the
/// process families are left out where /proc cannot be read.
std::string gather_metrics(const metric_sources& from);

}  // namespace zomato::app
