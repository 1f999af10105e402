#include "app/config.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <thread>
#include <utility>

#include "domain/text.hpp"

namespace zomato::app {
namespace {

std::int64_t integer_in(const char* name, const std::string& text, std::int64_t low, std::int64_t high) {
  std::int64_t value = 0;
  const auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (code != std::errc{} || end != text.data() + text.size() || value < low || value > high) {
    throw config_error(std::string(name) + " must be an integer from " + std::to_string(low) + " to " +
                       std::to_string(high) + ", got '" + text + "'");
  }
  return value;
}

// "analytics=2,realtime=1": for each namespace named, its value in seconds (0 to a week).
void read_per_namespace(const char* name, const std::string& text,
                        std::array<cache::freshness_overrides, cache::namespace_count>& into,
                        std::optional<int> cache::freshness_overrides::*field) {
  std::size_t at = 0;
  while (at <= text.size()) {
    const auto comma = std::min(text.find(',', at), text.size());
    const auto item = text.substr(at, comma - at);
    const auto equals = item.find('=');
    const auto ns = cache::namespace_named(item.substr(0, std::min(equals, item.size())));
    if (equals == std::string::npos || !ns) {
      throw config_error(std::string(name) + " must look like analytics=60,realtime=10 (cache namespaces), got '" +
                         text + "'");
    }
    into[static_cast<std::size_t>(*ns)].*field =
        static_cast<int>(integer_in(name, item.substr(equals + 1), 0, std::int64_t{7} * 24 * 3600));
    at = comma + 1;
  }
}

// The choice `text` names (compared without case); config_error listing the names otherwise.
template <class Choice>
Choice named(const char* variable, const std::string& text,
             std::initializer_list<std::pair<std::string_view, Choice>> choices) {
  const auto name = domain::lower_case(text);
  std::string listed;
  std::size_t index = 0;
  for (const auto& [choice_name, choice] : choices) {
    if (name == choice_name) return choice;
    listed += index == 0 ? "" : index + 1 == choices.size() ? " or " : ", ";
    listed += choice_name;
    ++index;
  }
  throw config_error(std::string(variable) + " must be " + listed + ", got '" + text + "'");
}

}  // namespace

std::string sqlite_path_of(const std::string& url) {
  const std::string scheme = "sqlite:///";
  if (!url.starts_with(scheme) || url.size() == scheme.size()) {
    throw config_error(
        "DATABASE_URL must look like sqlite:///./restaurants.db or postgresql://user@host:5432/db, got '" + url + "'");
  }
  auto path = url.substr(scheme.size());
  if (path == ":memory:")
    throw config_error("DATABASE_URL must name a file; :memory: is not shared between connections");
  return path;
}

bool is_postgres_url(const std::string& url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::string database_label(const config& settings) {
  if (settings.postgres_url.empty()) return settings.database_path;
  auto label = settings.postgres_url;
  const auto credentials = label.find("://") + 3;
  const auto at = label.find('@', credentials);
  const auto colon = label.find(':', credentials);
  if (at != std::string::npos && colon < at) label.replace(colon + 1, at - colon - 1, "***");
  return label;
}

redis_endpoint redis_endpoint_of(const std::string& url) {
  const std::string scheme = "redis://";
  if (!url.starts_with(scheme)) throw config_error("REDIS_URL must look like redis://host:6379/0, got '" + url + "'");
  std::string rest = url.substr(scheme.size());
  redis_endpoint endpoint;
  if (const auto at = rest.rfind('@'); at != std::string::npos) {
    auto credentials = rest.substr(0, at);
    const auto colon = credentials.find(':');
    endpoint.password = colon == std::string::npos ? credentials : credentials.substr(colon + 1);
    rest = rest.substr(at + 1);
  }
  if (const auto slash = rest.find('/'); slash != std::string::npos) {
    const auto db = rest.substr(slash + 1);
    if (!db.empty()) endpoint.database = static_cast<int>(integer_in("REDIS_URL database", db, 0, 15));
    rest = rest.substr(0, slash);
  }
  if (const auto colon = rest.rfind(':'); colon != std::string::npos) {
    endpoint.port = static_cast<std::uint16_t>(integer_in("REDIS_URL port", rest.substr(colon + 1), 1, 65535));
    rest = rest.substr(0, colon);
  }
  if (rest.empty()) throw config_error("REDIS_URL has no host: '" + url + "'");
  endpoint.host = rest;
  return endpoint;
}

auth::token_settings token_settings_of(const std::function<std::optional<std::string>(const char*)>& lookup) {
  constexpr std::size_t shortest_secret = 32;  // RFC 7518 3.2: an HS256 key is at least the hash's size
  const auto secret = lookup("JWT_SECRET");
  const auto key_file = lookup("JWT_PUBLIC_KEY_FILE");
  if (secret && key_file) throw config_error("set JWT_SECRET or JWT_PUBLIC_KEY_FILE, not both");
  auto key = [&]() -> auth::signing_key {
    if (key_file) {
      std::ifstream file(*key_file);
      if (!file.is_open()) throw config_error("JWT_PUBLIC_KEY_FILE cannot be read: '" + *key_file + "'");
      const std::string pem((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
      auto loaded = auth::signing_key::public_key(pem);
      if (!loaded) {
        throw config_error(
            "JWT_PUBLIC_KEY_FILE must hold a PEM public key, RSA of 2048 bits or more (RS256) or "
            "EC P-256 (ES256): '" +
            *key_file + "'");
      }
      return *loaded;
    }
    if (!secret || secret->empty()) {
      throw config_error("AUTH_MODE=jwt needs JWT_SECRET (HS256) or JWT_PUBLIC_KEY_FILE (RS256, ES256)");
    }
    if (secret->size() < shortest_secret) throw config_error("JWT_SECRET must be at least 32 bytes long");
    return auth::signing_key::shared_secret(*secret);
  }();
  auth::token_settings settings{std::move(key), {}, {}, std::chrono::seconds(30)};
  if (auto v = lookup("JWT_ISSUER"); v && !v->empty()) settings.issuer = *v;
  if (auto v = lookup("JWT_AUDIENCE"); v && !v->empty()) settings.audience = *v;
  if (auto v = lookup("JWT_LEEWAY_SECONDS"))
    settings.leeway = std::chrono::seconds(integer_in("JWT_LEEWAY_SECONDS", *v, 0, 3600));
  return settings;
}

config load_config(const std::function<std::optional<std::string>(const char*)>& lookup) {
  config c;
  c.threads = std::max(1u, std::thread::hardware_concurrency());
  if (auto v = lookup("HOST")) c.host = *v;
  if (auto v = lookup("PORT")) c.port = static_cast<std::uint16_t>(integer_in("PORT", *v, 0, 65535));
  if (auto v = lookup("DATABASE_URL")) {
    if (is_postgres_url(*v)) {
      if (v->ends_with("://"))
        throw config_error("DATABASE_URL must name a PostgreSQL server or database, got '" + *v + "'");
      c.postgres_url = *v;
    } else {
      c.database_path = sqlite_path_of(*v);
    }
  }
  if (auto v = lookup("REDIS_URL"); v && !v->empty()) c.redis = redis_endpoint_of(*v);
  if (auto v = lookup("ENVIRONMENT")) {
    c.env = named<environment>("ENVIRONMENT", *v,
                               {{"development", environment::development},
                                {"staging", environment::staging},
                                {"production", environment::production}});
  }
  if (auto v = lookup("THREADS")) c.threads = static_cast<unsigned>(integer_in("THREADS", *v, 1, 256));
  if (auto v = lookup("READ_THREADS")) c.read_threads = static_cast<unsigned>(integer_in("READ_THREADS", *v, 1, 256));
  if (auto v = lookup("WRITE_THREADS")) c.write_threads = static_cast<unsigned>(integer_in("WRITE_THREADS", *v, 1, 64));
  if (auto v = lookup("LOG_LEVEL")) {
    c.logging = named<log_level>("LOG_LEVEL", *v,
                                 {{"debug", log_level::debug},
                                  {"info", log_level::info},
                                  {"warning", log_level::warning},
                                  {"error", log_level::error}});
  }
  if (auto v = lookup("LOG_FORMAT")) {
    c.access_log = named<log_format>("LOG_FORMAT", *v, {{"text", log_format::text}, {"json", log_format::json}});
  }
  const auto size = [&](const char* name, std::size_t& target, std::int64_t least, std::int64_t most) {
    if (auto v = lookup(name)) target = static_cast<std::size_t>(integer_in(name, *v, least, most));
  };
  size("BODY_LIMIT_BYTES", c.body_limit, 1024, 1LL << 30);
  size("HEADER_LIMIT_BYTES", c.header_limit, 1024, 1 << 20);
  size("TRAILER_LIMIT_BYTES", c.trailer_limit, 0, 1 << 20);
  size("CONNECTIONS_PER_LOOP", c.connections_per_loop, 1, 1 << 20);
  size("READ_QUEUE", c.read_queue, 0, 1 << 20);
  if (auto v = lookup("READ_TIMEOUT_SECONDS"))
    c.read_timeout = std::chrono::seconds(integer_in("READ_TIMEOUT_SECONDS", *v, 1, 3600));
  c.asset_dir = lookup("ASSET_DIR").value_or(ZOMATO_ASSET_DIR);
  if (auto v = lookup("CACHE_MEMORY_MB")) {
    c.cache_memory_bytes = static_cast<std::size_t>(integer_in("CACHE_MEMORY_MB", *v, 1, 65536)) << 20;
  }
  if (auto v = lookup("CACHE_MEMORY")) {
    const auto name = domain::lower_case(*v);
    if (name != "on" && name != "off") throw config_error("CACHE_MEMORY must be on or off, got '" + *v + "'");
    c.cache_memory = name == "on";
  }
  if (auto v = lookup("CACHE_WARM_ON_START")) {
    c.warm_on_start =
        named<warm_start>("CACHE_WARM_ON_START", *v,
                          {{"off", warm_start::off}, {"popular", warm_start::popular}, {"all", warm_start::all}});
  }
  size("CACHE_WARM_TOP", c.warm_top, 1, 1000);
  const auto interval = [&](const char* name, std::chrono::seconds& target) {
    if (auto v = lookup(name)) target = std::chrono::seconds(integer_in(name, *v, 1, std::int64_t{7} * 24 * 3600));
  };
  interval("REFRESH_INTERVAL_SECONDS", c.refresh_interval);
  interval("HEALTH_INTERVAL_SECONDS", c.health_interval);
  interval("CLEANUP_INTERVAL_SECONDS", c.cleanup_interval);
  for (const auto& [name, field] :
       {std::pair{"CACHE_TTL_SECONDS", &cache::freshness_overrides::ttl},
        std::pair{"CACHE_STALE_WHILE_REVALIDATE_SECONDS", &cache::freshness_overrides::while_revalidate},
        std::pair{"CACHE_STALE_IF_ERROR_SECONDS", &cache::freshness_overrides::if_error}}) {
    if (auto v = lookup(name)) read_per_namespace(name, *v, c.cache_freshness, field);
  }
  if (auto v = lookup("REDIS_TIMEOUT_MS"))
    c.redis_timeout = std::chrono::milliseconds(integer_in("REDIS_TIMEOUT_MS", *v, 1, 10000));
  if (auto v = lookup("CACHE_FLEET_BOUND_MS"))
    c.cache_fleet_bound = std::chrono::milliseconds(integer_in("CACHE_FLEET_BOUND_MS", *v, 5, 60000));
  for (const auto& [name, field] : {std::pair{"RATE_LIMIT_WRITES", &limits::rate_limits::writes},
                                    std::pair{"RATE_LIMIT_READS", &limits::rate_limits::reads}}) {
    if (auto v = lookup(name); v && !v->empty() && domain::lower_case(*v) != "off") {
      c.rate_limits.*field = limits::parse_rate(*v);
      if (!(c.rate_limits.*field)) {
        throw config_error(std::string(name) +
                           " must be off or a rate a second from 0.001 to 1000000 with an optional burst from 1 to "
                           "1000000 (20, 0.5/5), got '" +
                           *v + "'");
      }
    }
  }
  if (auto v = lookup("CACHE_WRITE_THROUGH")) {
    c.cache_write_through = named<bool>("CACHE_WRITE_THROUGH", *v, {{"on", true}, {"off", false}});
  }
  if (auto v = lookup("MAX_ORDER_LINES"))
    c.body.max_order_lines = static_cast<std::size_t>(integer_in("MAX_ORDER_LINES", *v, 1, 1000));
  if (auto v = lookup("MAX_TEXT_LENGTH"))
    c.body.max_text_length = static_cast<std::size_t>(integer_in("MAX_TEXT_LENGTH", *v, 100, 100000));
  if (auto v = lookup("DB_BUSY_TIMEOUT_MS"))
    c.db_busy_timeout = std::chrono::milliseconds(integer_in("DB_BUSY_TIMEOUT_MS", *v, 0, 60000));
  if (auto v = lookup("DB_POOL_SIZE"))
    c.db_pool_size = static_cast<std::size_t>(integer_in("DB_POOL_SIZE", *v, 2, 1000));
  if (auto v = lookup("DB_CONNECT_TIMEOUT_MS"))
    c.db_connect_timeout = std::chrono::milliseconds(integer_in("DB_CONNECT_TIMEOUT_MS", *v, 100, 60000));
  if (auto v = lookup("DB_STATEMENT_TIMEOUT_MS"))
    c.db_statement_timeout = std::chrono::milliseconds(integer_in("DB_STATEMENT_TIMEOUT_MS", *v, 100, 600000));
  if (auto v = lookup("ADMIN_TOKEN"); v && !v->empty()) {
    const bool sendable = std::all_of(v->begin(), v->end(), [](char ch) { return ch > ' ' && ch < 0x7f; });
    if (!sendable) throw config_error("ADMIN_TOKEN must be printable ASCII without spaces");
    c.admin_token = *v;
  }
  if (auto v = lookup("AUTH_MODE")) {
    if (named<bool>("AUTH_MODE", *v, {{"off", false}, {"jwt", true}})) c.tokens = token_settings_of(lookup);
  }
  if (auto v = lookup("CORS_ORIGINS"); v && !v->empty()) {
    c.cors = http::cors_policy::parse(*v);
    if (!c.cors) {
      throw config_error(
          "CORS_ORIGINS must be * or origins such as https://app.example.com,http://localhost:3000, got '" + *v + "'");
    }
  }
  return c;
}

}  // namespace zomato::app
