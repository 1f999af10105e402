#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

#include "auth/token_settings.hpp"
#include "cache/freshness.hpp"
#include "cache/namespaces.hpp"
#include "http/cors.hpp"
#include "limits/rate_limiter.hpp"
#include "schemas/body_limits.hpp"

namespace zomato::app {

enum class environment { development, staging, production };
enum class log_level { debug, info, warning, error };
/// How the access log (LOG_LEVEL info or debug) writes its lines.
enum class log_format { text, json };
/// What a node fills its cache with after it starts: nothing, the most used targets and the
/// busiest restaurants, or that and every namespace's warm plan too.
enum class warm_start { off, popular, all };

struct redis_endpoint {
  std::string host;
  std::uint16_t port = 6379;
  int database = 0;
  std::string password;
};

/// Everything the server reads from its environment, typed and checked.
struct config {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;
  /// The SQLite file of DATABASE_URL sqlite:///<path>, unless postgres_url is set.
  std::string database_path = "./restaurants.db";
  /// DATABASE_URL postgresql://... (or postgres://...), handed to libpq as it is; empty: SQLite.
  std::string postgres_url;
  std::optional<redis_endpoint> redis;
  environment env = environment::development;
  unsigned threads = 1;
  unsigned write_threads = 3;
  /// The pool for slow reads: its threads, and how many more reads may wait for one of them
  /// before a read is refused with 503.
  unsigned read_threads = 4;
  std::size_t read_queue = 256;
  log_level logging = log_level::info;
  log_format access_log = log_format::text;
  std::size_t body_limit = 1 << 20;
  std::size_t header_limit = std::size_t{16} * 1024;
  std::size_t trailer_limit = std::size_t{8} * 1024;
  std::size_t connections_per_loop = 4096;
  std::chrono::seconds read_timeout{30};
  std::string asset_dir;
  std::size_t cache_memory_bytes = 64u << 20;
  bool cache_memory = true;
  /// CACHE_WRITE_THROUGH: a write stores the fresh rendering of the single-entity reads it changed.
  bool cache_write_through = true;
  std::chrono::milliseconds redis_timeout{50};
  /// With Redis: how long after a write's acknowledgement every node's reads see it.
  std::chrono::milliseconds cache_fleet_bound{50};
  /// CACHE_TTL_SECONDS, CACHE_STALE_WHILE_REVALIDATE_SECONDS, CACHE_STALE_IF_ERROR_SECONDS.
  std::array<cache::freshness_overrides, cache::namespace_count> cache_freshness{};
  warm_start warm_on_start = warm_start::popular;  // CACHE_WARM_ON_START
  std::size_t warm_top = 50;                       // CACHE_WARM_TOP: restaurants (and their views) warmed
  std::chrono::seconds refresh_interval{60};
  std::chrono::seconds health_interval{300};
  std::chrono::seconds cleanup_interval{7200};
  /// RATE_LIMIT_WRITES, RATE_LIMIT_READS; none: not limited.
  limits::rate_limits rate_limits;
  // Data limits and database failures.
  schemas::body_limits body;                        // MAX_ORDER_LINES, MAX_TEXT_LENGTH
  std::chrono::milliseconds db_busy_timeout{2000};  // DB_BUSY_TIMEOUT_MS
  // PostgreSQL only: the pool's connections, and how long connecting and a statement may take.
  std::size_t db_pool_size = 16;                          // DB_POOL_SIZE
  std::chrono::milliseconds db_connect_timeout{2000};     // DB_CONNECT_TIMEOUT_MS
  std::chrono::milliseconds db_statement_timeout{10000};  // DB_STATEMENT_TIMEOUT_MS
  // Who may do what.
  std::string admin_token;  // ADMIN_TOKEN; empty: the operational routes are open
  /// AUTH_MODE=jwt: how bearer tokens are checked (JWT_SECRET or JWT_PUBLIC_KEY_FILE, JWT_ISSUER,
  /// JWT_AUDIENCE, JWT_LEEWAY_SECONDS); nullopt with AUTH_MODE=off (the default).
  std::optional<auth::token_settings> tokens;
  std::optional<http::cors_policy> cors;  // CORS_ORIGINS; none: no CORS headers
};

/// A configuration value that cannot be used; what() is one line naming the variable.
class config_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Reads HOST, PORT, DATABASE_URL, REDIS_URL, ENVIRONMENT, THREADS, WRITE_THREADS, READ_THREADS, READ_QUEUE,
/// LOG_LEVEL, LOG_FORMAT, BODY_LIMIT_BYTES, HEADER_LIMIT_BYTES, TRAILER_LIMIT_BYTES, CONNECTIONS_PER_LOOP,
/// READ_TIMEOUT_SECONDS, ASSET_DIR, CACHE_MEMORY_MB, CACHE_MEMORY, CACHE_WARM_ON_START, CACHE_WARM_TOP,
/// CACHE_WRITE_THROUGH, CACHE_TTL_SECONDS, CACHE_STALE_WHILE_REVALIDATE_SECONDS, CACHE_STALE_IF_ERROR_SECONDS (each
/// "namespace=seconds,..."), REDIS_TIMEOUT_MS, REFRESH_INTERVAL_SECONDS, HEALTH_INTERVAL_SECONDS,
/// CLEANUP_INTERVAL_SECONDS, RATE_LIMIT_WRITES, RATE_LIMIT_READS, MAX_ORDER_LINES, MAX_TEXT_LENGTH, DB_BUSY_TIMEOUT_MS,
/// ADMIN_TOKEN, CORS_ORIGINS and AUTH_MODE (with jwt, token_settings_of's variables) through `lookup` (unset:
/// nullopt). Throws config_error on the first bad value.
config load_config(const std::function<std::optional<std::string>(const char*)>& lookup);

/// The token settings of JWT_SECRET (HS256, at least 32 bytes) or JWT_PUBLIC_KEY_FILE (a PEM
/// RS256 or ES256 public key; not both), JWT_ISSUER, JWT_AUDIENCE and JWT_LEEWAY_SECONDS (0 to
/// 3600, default 30). Throws config_error when there is no key, or a bad value.
auth::token_settings token_settings_of(const std::function<std::optional<std::string>(const char*)>& lookup);

/// "sqlite:///./restaurants.db" -> "./restaurants.db"; "sqlite:////var/db.sqlite" -> "/var/db.sqlite".
std::string sqlite_path_of(const std::string& url);

/// Whether DATABASE_URL names a PostgreSQL server (postgresql:// or postgres://).
bool is_postgres_url(const std::string& url);

/// The database as logs may show it: the SQLite file, or the PostgreSQL URL without its password.
std::string database_label(const config& settings);

/// "redis://[:password@]host[:port][/db]".
redis_endpoint redis_endpoint_of(const std::string& url);

}  // namespace zomato::app
