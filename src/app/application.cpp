#include "app/application.hpp"

#include <algorithm>
#include <cstdio>
#include <future>
#include <optional>
#include <unordered_map>

#include "api/analytics_routes.hpp"
#include "api/cache_routes.hpp"
#include "api/cache_warmer.hpp"
#include "api/catalog_analytics_routes.hpp"
#include "api/customer_routes.hpp"
#include "api/demo_routes.hpp"
#include "api/menu_item_routes.hpp"
#include "api/openapi.hpp"
#include "api/order_routes.hpp"
#include "api/realtime_routes.hpp"
#include "api/restaurant_routes.hpp"
#include "api/review_routes.hpp"
#include "api/service_routes.hpp"
#include "api/unavailable.hpp"
#include "api/write_scope.hpp"
#include "app/background.hpp"
#include "app/metrics.hpp"
#include "app/request_lanes.hpp"
#include "app/task_board.hpp"
#include "app/usage_book.hpp"
#include "app/warm_start.hpp"
#include "cache/cache_admin.hpp"
#include "cache/response_cache.hpp"
#include "http/cache_control.hpp"
#include "http/router.hpp"
#include "net/server.hpp"
#include "services/analytics_service.hpp"
#include "services/catalog_analytics_service.hpp"
#include "services/customer_service.hpp"
#include "services/menu_service.hpp"
#include "services/order_service.hpp"
#include "services/realtime_service.hpp"
#include "services/restaurant_service.hpp"
#include "services/review_service.hpp"
#include "services/sample_data_service.hpp"
#include "services/usage_service.hpp"
#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace zomato::app {
namespace {

// How many times a write the database aborted over a conflict (a deadlock, a serialization
// failure) is run in all before it is answered 503.
constexpr int write_attempts = 3;

// The store DATABASE_URL names: PostgreSQL for a postgresql:// URL, else the SQLite file.
std::unique_ptr<store::database> open_database(const config& settings) {
  if (settings.postgres_url.empty()) {
    return std::make_unique<store::sqlite::database>(settings.database_path, settings.db_busy_timeout);
  }
  return std::make_unique<store::postgres::database>(
      store::postgres::database_settings{settings.postgres_url, settings.db_pool_size, settings.db_connect_timeout,
                                         settings.db_statement_timeout, settings.db_busy_timeout});
}

// Marks in the database that writes could not be announced to the fleet; true once durable.
bool mark_unannounced(store::database& db) {
  try {
    auto tx = db.write();
    tx->write_count().mark_unannounced();
    const auto ticket = tx->commit();
    tx.reset();
    std::promise<bool> kept;
    db.when_durable(ticket, [&kept](bool durable) { kept.set_value(durable); });
    return kept.get_future().get();
  } catch (const std::exception&) {
    return false;
  }
}

cache::cache_settings cache_settings_of(const config& settings, store::database& db) {
  cache::cache_settings c;
  c.profile = settings.env == environment::production ? cache::ttl_profile::production
              : settings.env == environment::staging  ? cache::ttl_profile::staging
                                                      : cache::ttl_profile::development;
  c.memory_bytes = settings.cache_memory_bytes;
  c.memory_enabled = settings.cache_memory || !settings.redis;
  c.overrides = settings.cache_freshness;
  if (settings.redis) {
    cache::redis_settings r;
    r.host = settings.redis->host;
    r.port = settings.redis->port;
    r.database = settings.redis->database;
    r.password = settings.redis->password;
    r.timeout = settings.redis_timeout;
    c.redis = r;
    c.fleet_bound = settings.cache_fleet_bound;
    c.ledger.read = [&db]() -> std::optional<store::write_tally> {
      try {
        return db.read()->write_count().counted();
      } catch (const std::exception&) {
        return std::nullopt;  // the database cannot tell now; the next heartbeat asks again
      }
    };
    c.ledger.mark_unannounced = [&db] { return mark_unannounced(db); };
  }
  return c;
}

// A request the database cannot serve for now gets 503 and Retry-After; any other failure
// goes on to the server's catch-all (a logged 500).
template <class Run>
http::response unless_unavailable(Run&& run) {
  try {
    return run();
  } catch (const store::unavailable& failure) {
    return api::unavailable_response(failure.reason());
  }
}

}  // namespace

struct application::parts {
  explicit parts(const config& settings)
      : rules(settings.body),
        opened(open_database(settings)),
        db(*opened),
        cache(cache_settings_of(settings, db)),
        admin(cache),
        restaurants(db),
        menu(db),
        customers(db),
        orders(db),
        reviews(db),
        catalog_analytics(db),
        realtime(db),
        analytics(db),
        samples(db, restaurants, menu, customers, orders, reviews),
        readiness(db),
        usage(db),
        book(cache, usage) {
    routes.attach_cache(cache);
    routes.control_access({settings.admin_token, settings.tokens});
    if (settings.cors) routes.allow_origins(*settings.cors);
    const api::internal_get get = [this](std::string_view path, std::string_view query,
                                         std::string_view cache_control) {
      http::request internal;
      internal.path = path;
      internal.query = query;
      internal.cache_control = cache_control;
      internal.internal = true;
      return routes.dispatch(internal);
    };
    api::openapi_components docs;
    api::add_root_routes(routes, docs, cache.redis() ? "Redis" : "in-process", readiness);
    api::add_restaurant_routes(routes, docs, rules, restaurants, menu);
    api::add_menu_item_routes(routes, docs, rules, menu);
    api::add_catalog_analytics_routes(routes, docs, catalog_analytics);
    api::add_customer_routes(routes, docs, rules, customers, orders);
    api::add_order_routes(routes, docs, rules, orders);
    api::add_review_routes(routes, docs, rules, reviews);
    api::add_realtime_routes(routes, docs, realtime);
    api::add_analytics_routes(routes, docs, analytics, get,
                              [this](std::function<void()> job) { worker.post("analytics_refresh", std::move(job)); });
    api::add_cache_routes(routes, docs, admin, get, catalog_analytics, tasks);
    api::add_demo_routes(routes, docs, samples, get);
    api::add_metrics_route(routes, docs, [this] { return gather_metrics({routes, cache, db, worker, lanes, server}); });
    auto document = api::add_docs_routes(routes, docs, settings.asset_dir);
    *document = api::openapi_document(routes, docs);
    schedule(settings, get);
    if (settings.cache_write_through) written_through_get = get;
  }

  // The last uses counted reach the usage book before the worker stops.
  ~parts() {
    worker.post("usage_record", [this] { book.record(); });
  }

  // The warm start, the usage book's records, refresh-ahead of hot analytics, the health monitor
  // and the cleanup of stale entries.
  void schedule(const config& settings, const api::internal_get& get) {
    tasks.schedule("warm_start", 0);
    tasks.schedule("usage_record", settings.refresh_interval.count());
    tasks.schedule("refresh_ahead", settings.refresh_interval.count());
    tasks.schedule("health_monitor", settings.health_interval.count());
    tasks.schedule("cleanup", settings.cleanup_interval.count());
    worker.post("warm_start", [this, get, mode = settings.warm_on_start, top = settings.warm_top] {
      // In a fleet, what Redis already holds is read rather than computed again.
      cache.wait_for_fleet(std::chrono::seconds(1));
      api::cache_warmer warmer(get);
      std::string result = mode == warm_start::off ? "off" : "";
      for (const auto& step : warm_at_start(mode, top, warmer, book, catalog_analytics, routes.routes())) {
        result += (result.empty() ? "" : ", ") + step.type + " " + std::to_string(step.count);
      }
      tasks.record("warm_start", result);
    });
    worker.every("usage_record", settings.refresh_interval, [this] {
      book.record();
      tasks.record("usage_record", "recorded");
    });
    worker.every("refresh_ahead", settings.refresh_interval, [this, get] {
      api::cache_warmer warmer(get);
      const auto step =
          warmer.warm("analytics", refresh_order(cache.expiring(cache::cache_namespace::analytics, 0.25)));
      tasks.record("refresh_ahead", "refreshed " + std::to_string(step.count) + " analytics entries");
    });
    worker.every("health_monitor", settings.health_interval, [this] {
      const auto verdict = cache::assess(admin.snapshot());
      std::string result = verdict.status;
      for (const auto& issue : verdict.issues) result += "; " + issue;
      tasks.record("health_monitor", result);
    });
    worker.every("cleanup", settings.cleanup_interval, [this] {
      tasks.record("cleanup", "removed " + std::to_string(cache.remove_stale()) + " stale entries");
    });
  }

  // The entries about to expire that the usage book ranks highest, at most refresh_limit of them:
  // a refresh costs a computation, so it goes to what clients ask most.
  std::vector<std::string> refresh_order(std::vector<std::string> expiring) {
    constexpr std::size_t refresh_limit = 100;
    std::unordered_map<std::string, std::size_t> ranks;
    for (auto& target : book.most_used(usage_book::kept)) ranks.emplace(std::move(target), ranks.size());
    const auto rank_of = [&](const std::string& target) {
      const auto found = ranks.find(target);
      return found == ranks.end() ? ranks.size() : found->second;
    };
    std::stable_sort(expiring.begin(), expiring.end(),
                     [&](const std::string& a, const std::string& b) { return rank_of(a) < rank_of(b); });
    if (expiring.size() > refresh_limit) expiring.resize(refresh_limit);
    return expiring;
  }

  schemas::body_rules rules;
  std::unique_ptr<store::database> opened;
  store::database& db;
  cache::response_cache cache;
  cache::cache_admin admin;
  services::restaurant_service restaurants;
  services::menu_service menu;
  services::customer_service customers;
  services::order_service orders;
  services::review_service reviews;
  services::catalog_analytics_service catalog_analytics;
  services::realtime_service realtime;
  services::analytics_service analytics;
  services::sample_data_service samples;
  services::readiness_service readiness;
  services::usage_service usage;
  usage_book book;
  http::router routes;
  api::internal_get written_through_get;  // empty with CACHE_WRITE_THROUGH=off
  task_board tasks;
  // What /metrics reads while the application serves (set before the server runs).
  const request_lanes* lanes = nullptr;
  const net::server* server = nullptr;
  background worker;  // last: stops before anything its jobs use goes away
};

application::application(const config& settings) : parts_(std::make_unique<parts>(settings)) {}

application::~application() = default;

http::response application::handle(const http::request& req) const {
  return unless_unavailable([&] { return parts_->routes.dispatch(req); });
}

http::response application::handle_write(const http::request& req, const http::route& target,
                                         const http::params& values, std::function<void(bool)> acknowledge) const {
  for (int attempt = 1;; ++attempt) {
    api::write_scope scope(parts_->cache, values.caller());
    auto scoped = req;
    scoped.scope = &scope;
    std::optional<http::response> res;
    try {
      res = target.run(scoped, values);
    } catch (const store::conflict& failure) {
      // The database rolled the transaction back: with nothing of the request committed yet,
      // running it again is as if it came now.
      if (attempt < write_attempts && !scope.writes.committed()) continue;
      res = api::unavailable_response(failure.reason());
    } catch (const store::unavailable& failure) {
      res = api::unavailable_response(failure.reason());
    }
    // The cache heard of the changes before the answer; it hears of them again once they are
    // durable, since a read between the two may have stored what the database held before. Then
    // the entries the writes keep warm are computed from the committed rows (on the write thread
    // that ended the group) before the answer goes.
    scope.writes.when_durable(parts_->db, [this, changes = scope.writes.changes(), numbers = scope.writes.numbers(),
                                           acknowledge = std::move(acknowledge)](bool kept) {
      if (kept) {
        parts_->cache.settled(changes, numbers);
        if (parts_->written_through_get) api::write_through(parts_->written_through_get, changes);
      }
      acknowledge(kept);
    });
    return std::move(*res);
  }
}

void application::decorate(const http::request& req, http::response& answer) const {
  parts_->routes.decorate(req, answer);
}

http::resolution application::resolve(const http::request& req) const { return parts_->routes.resolve(req); }

http::response application::run(const http::request& req, const http::route& target, const http::params& values) const {
  return unless_unavailable([&] { return target.run(req, values); });
}

cache::response_cache& application::cache() const { return parts_->cache; }

bool application::database_in_process() const { return parts_->db.answers_in_process(); }

std::size_t application::route_count() const { return parts_->routes.routes().size(); }

void application::serving(const request_lanes& lanes, const net::server& server) {
  parts_->lanes = &lanes;
  parts_->server = &server;
}

std::unique_ptr<cache::redis_pipeline> application::pipeline_on(boost::asio::io_context& loop) const {
  return std::make_unique<cache::redis_pipeline>(loop, *parts_->cache.redis());
}

int serve(const config& settings) {
  application app(settings);
  net::server_options options;
  options.host = settings.host;
  options.port = settings.port;
  options.threads = settings.threads;
  options.limits.body_bytes = settings.body_limit;
  options.limits.header_bytes = settings.header_limit;
  options.limits.trailer_bytes = settings.trailer_limit;
  options.connections_per_loop = settings.connections_per_loop;
  options.read_timeout = settings.read_timeout;
  options.routes = app.route_count();
  if (settings.logging > log_level::info) {
    options.access_log = net::access_log_format::off;
  } else {
    options.access_log =
        settings.access_log == log_format::json ? net::access_log_format::json : net::access_log_format::text;
  }
  request_lanes lanes(app, settings);
  net::server server(options, lanes);
  app.serving(lanes, server);
  const auto port = server.bind();
  if (!app.cache().wait_for_fleet(std::chrono::seconds(1))) {
    std::fprintf(stderr, "the cache is not synced with the fleet yet (Redis unreachable?): reads go to the database\n");
  }
  if (options.access_log != net::access_log_format::off) std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::printf("listening on http://%s:%u (database %s, %u threads)\n", settings.host.c_str(), port,
              database_label(settings).c_str(), settings.threads);
  std::fflush(stdout);
  server.run();
  lanes.finish();
  std::printf("stopped\n");
  return 0;
}

}  // namespace zomato::app
