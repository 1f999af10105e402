#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "app/config.hpp"

namespace zomato::app {
namespace {

using variables = std::map<std::string, std::string>;

config load(const variables& env) {
  return load_config([&](const char* name) -> std::optional<std::string> {
    const auto found = env.find(name);
    if (found == env.end()) return std::nullopt;
    return found->second;
  });
}

// The message of the config_error a value raises ("" when it raises none).
std::string error_of(const variables& env) {
  try {
    (void)load(env);
  } catch (const config_error& error) {
    return error.what();
  }
  return "";
}

TEST(LoadConfig, HasTheDesignDefaults) {
  const auto c = load({});
  EXPECT_EQ(c.host, "127.0.0.1");
  EXPECT_EQ(c.port, 8000);
  EXPECT_EQ(c.database_path, "./restaurants.db");
  EXPECT_FALSE(c.redis.has_value());
  EXPECT_EQ(c.env, environment::development);
  EXPECT_EQ(c.threads, std::max(1u, std::thread::hardware_concurrency()));
  EXPECT_EQ(c.logging, log_level::info);
  EXPECT_EQ(c.body_limit, std::size_t{1} << 20);
  EXPECT_EQ(c.read_timeout, std::chrono::seconds(30));
  EXPECT_EQ(c.asset_dir, ZOMATO_ASSET_DIR);
  EXPECT_EQ(c.body.max_order_lines, 100u);
  EXPECT_EQ(c.body.max_text_length, 1000u);
  EXPECT_EQ(c.db_busy_timeout, std::chrono::milliseconds(2000));
}

TEST(LoadConfig, ReadsEachVariable) {
  const auto c = load({{"HOST", "0.0.0.0"},
                       {"PORT", "9090"},
                       {"DATABASE_URL", "sqlite:////var/lib/zomato/db.sqlite"},
                       {"REDIS_URL", "redis://cache.local:6380/2"},
                       {"ENVIRONMENT", "production"},
                       {"THREADS", "8"},
                       {"LOG_LEVEL", "warning"},
                       {"BODY_LIMIT_BYTES", "2048"},
                       {"READ_TIMEOUT_SECONDS", "5"},
                       {"ASSET_DIR", "/opt/assets"},
                       {"MAX_ORDER_LINES", "20"},
                       {"MAX_TEXT_LENGTH", "5000"},
                       {"DB_BUSY_TIMEOUT_MS", "250"}});
  EXPECT_EQ(c.host, "0.0.0.0");
  EXPECT_EQ(c.port, 9090);
  EXPECT_EQ(c.database_path, "/var/lib/zomato/db.sqlite");
  ASSERT_TRUE(c.redis.has_value());
  EXPECT_EQ(c.redis->host, "cache.local");
  EXPECT_EQ(c.redis->port, 6380);
  EXPECT_EQ(c.redis->database, 2);
  EXPECT_EQ(c.env, environment::production);
  EXPECT_EQ(c.threads, 8u);
  EXPECT_EQ(c.logging, log_level::warning);
  EXPECT_EQ(c.body_limit, 2048u);
  EXPECT_EQ(c.read_timeout, std::chrono::seconds(5));
  EXPECT_EQ(c.asset_dir, "/opt/assets");
  EXPECT_EQ(c.body.max_order_lines, 20u);
  EXPECT_EQ(c.body.max_text_length, 5000u);
  EXPECT_EQ(c.db_busy_timeout, std::chrono::milliseconds(250));
}

TEST(LoadConfig, ReadsEnvironmentsInAnyCase) {
  EXPECT_EQ(load({{"ENVIRONMENT", "development"}}).env, environment::development);
  EXPECT_EQ(load({{"ENVIRONMENT", "Staging"}}).env, environment::staging);
  EXPECT_EQ(load({{"ENVIRONMENT", "PRODUCTION"}}).env, environment::production);
}

TEST(LoadConfig, ReadsLogLevelsInAnyCase) {
  EXPECT_EQ(load({{"LOG_LEVEL", "debug"}}).logging, log_level::debug);
  EXPECT_EQ(load({{"LOG_LEVEL", "INFO"}}).logging, log_level::info);
  EXPECT_EQ(load({{"LOG_LEVEL", "Warning"}}).logging, log_level::warning);
  EXPECT_EQ(load({{"LOG_LEVEL", "error"}}).logging, log_level::error);
}

TEST(LoadConfig, AnUnknownChoiceIsNamedWithTheChoices) {
  const auto message = [](const variables& environment) {
    try {
      (void)load(environment);
    } catch (const config_error& error) {
      return std::string(error.what());
    }
    return std::string();
  };
  EXPECT_EQ(message({{"ENVIRONMENT", "prod"}}), "ENVIRONMENT must be development, staging or production, got 'prod'");
  EXPECT_EQ(message({{"LOG_FORMAT", "xml"}}), "LOG_FORMAT must be text or json, got 'xml'");
}

TEST(LoadConfig, ReadsTheLogFormatTextByDefault) {
  EXPECT_EQ(load({}).access_log, log_format::text);
  EXPECT_EQ(load({{"LOG_FORMAT", "JSON"}}).access_log, log_format::json);
  EXPECT_EQ(load({{"LOG_FORMAT", "text"}}).access_log, log_format::text);
}

TEST(LoadConfig, ReadsTheWarmStartPopularTop50ByDefault) {
  EXPECT_EQ(load({}).warm_on_start, warm_start::popular);
  EXPECT_EQ(load({}).warm_top, 50u);
  EXPECT_EQ(load({{"CACHE_WARM_ON_START", "off"}}).warm_on_start, warm_start::off);
  EXPECT_EQ(load({{"CACHE_WARM_ON_START", "ALL"}}).warm_on_start, warm_start::all);
  EXPECT_EQ(load({{"CACHE_WARM_TOP", "7"}}).warm_top, 7u);
  EXPECT_THROW((void)load({{"CACHE_WARM_ON_START", "some"}}), config_error);
  EXPECT_THROW((void)load({{"CACHE_WARM_TOP", "0"}}), config_error);
  EXPECT_THROW((void)load({{"CACHE_WARM_TOP", "1001"}}), config_error);
}

TEST(LoadConfig, EmptyRedisUrlMeansNoRedis) { EXPECT_FALSE(load({{"REDIS_URL", ""}}).redis.has_value()); }

TEST(LoadConfig, AcceptsBoundaryValues) {
  EXPECT_EQ(load({{"PORT", "65535"}}).port, 65535);
  EXPECT_EQ(load({{"PORT", "0"}}).port, 0);
  EXPECT_EQ(load({{"THREADS", "1"}}).threads, 1u);
  EXPECT_EQ(load({{"THREADS", "256"}}).threads, 256u);
  EXPECT_EQ(load({}).write_threads, 3u);
  EXPECT_EQ(load({{"WRITE_THREADS", "1"}}).write_threads, 1u);
  EXPECT_EQ(load({{"WRITE_THREADS", "64"}}).write_threads, 64u);
  EXPECT_EQ(load({{"BODY_LIMIT_BYTES", "1024"}}).body_limit, 1024u);
  EXPECT_EQ(load({{"BODY_LIMIT_BYTES", "1073741824"}}).body_limit, std::size_t{1} << 30);
  EXPECT_EQ(load({{"READ_TIMEOUT_SECONDS", "1"}}).read_timeout, std::chrono::seconds(1));
  EXPECT_EQ(load({{"READ_TIMEOUT_SECONDS", "3600"}}).read_timeout, std::chrono::seconds(3600));
  EXPECT_EQ(load({{"MAX_ORDER_LINES", "1"}}).body.max_order_lines, 1u);
  EXPECT_EQ(load({{"MAX_ORDER_LINES", "1000"}}).body.max_order_lines, 1000u);
  EXPECT_EQ(load({{"MAX_TEXT_LENGTH", "100"}}).body.max_text_length, 100u);
  EXPECT_EQ(load({{"MAX_TEXT_LENGTH", "100000"}}).body.max_text_length, 100000u);
  EXPECT_EQ(load({{"DB_BUSY_TIMEOUT_MS", "0"}}).db_busy_timeout, std::chrono::milliseconds(0));
  EXPECT_EQ(load({{"DB_BUSY_TIMEOUT_MS", "60000"}}).db_busy_timeout, std::chrono::milliseconds(60000));
}

TEST(LoadConfig, BadValuesNameTheirVariable) {
  struct sample {
    const char* variable;
    const char* value;
  };
  for (const auto& [variable, value] : {
           sample{"PORT", "abc"},
           sample{"PORT", ""},
           sample{"PORT", "65536"},
           sample{"PORT", "-1"},
           sample{"PORT", "80 "},
           sample{"PORT", "8080x"},
           sample{"PORT", "99999999999999999999999"},
           sample{"THREADS", "0"},
           sample{"THREADS", "257"},
           sample{"WRITE_THREADS", "0"},
           sample{"WRITE_THREADS", "65"},
           sample{"THREADS", "four"},
           sample{"ENVIRONMENT", "prod"},
           sample{"ENVIRONMENT", ""},
           sample{"LOG_LEVEL", "verbose"},
           sample{"LOG_LEVEL", "warn"},
           sample{"LOG_FORMAT", "xml"},
           sample{"CACHE_WRITE_THROUGH", "1"},
           sample{"BODY_LIMIT_BYTES", "1023"},
           sample{"BODY_LIMIT_BYTES", "1073741825"},
           sample{"BODY_LIMIT_BYTES", "1MB"},
           sample{"READ_TIMEOUT_SECONDS", "0"},
           sample{"READ_TIMEOUT_SECONDS", "3601"},
           sample{"MAX_ORDER_LINES", "0"},
           sample{"MAX_ORDER_LINES", "1001"},
           sample{"MAX_ORDER_LINES", "ten"},
           sample{"MAX_TEXT_LENGTH", "99"},
           sample{"MAX_TEXT_LENGTH", "100001"},
           sample{"DB_BUSY_TIMEOUT_MS", "-1"},
           sample{"DB_BUSY_TIMEOUT_MS", "60001"},
           sample{"DB_BUSY_TIMEOUT_MS", "2s"},
           sample{"DATABASE_URL", "postgres://"},
           sample{"DATABASE_URL", "postgresql://"},
           sample{"DB_POOL_SIZE", "1"},
           sample{"DB_POOL_SIZE", "1001"},
           sample{"DB_CONNECT_TIMEOUT_MS", "99"},
           sample{"DB_STATEMENT_TIMEOUT_MS", "600001"},
           sample{"DATABASE_URL", "sqlite:///"},
           sample{"DATABASE_URL", "sqlite:///:memory:"},
           sample{"DATABASE_URL", "./restaurants.db"},
           sample{"REDIS_URL", "http://localhost:6379"},
           sample{"REDIS_URL", "redis://"},
           sample{"REDIS_URL", "redis://:6379"},
           sample{"REDIS_URL", "redis://localhost:0"},
           sample{"REDIS_URL", "redis://localhost:65536"},
           sample{"REDIS_URL", "redis://localhost:port"},
           sample{"REDIS_URL", "redis://localhost/16"},
           sample{"REDIS_URL", "redis://localhost/x"},
       }) {
    const auto message = error_of({{variable, value}});
    EXPECT_NE(message.find(variable), std::string::npos) << variable << "='" << value << "' gave: '" << message << "'";
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

TEST(LoadConfig, ErrorMessageShowsTheBadValue) {
  EXPECT_NE(error_of({{"PORT", "abc"}}).find("'abc'"), std::string::npos);
  EXPECT_NE(error_of({{"ENVIRONMENT", "prod"}}).find("'prod'"), std::string::npos);
}

TEST(LoadConfig, WriteThroughIsOnUnlessTurnedOff) {
  EXPECT_TRUE(load({}).cache_write_through);
  EXPECT_TRUE(load({{"CACHE_WRITE_THROUGH", "on"}}).cache_write_through);
  EXPECT_FALSE(load({{"CACHE_WRITE_THROUGH", "OFF"}}).cache_write_through);
  EXPECT_EQ(error_of({{"CACHE_WRITE_THROUGH", "yes"}}), "CACHE_WRITE_THROUGH must be on or off, got 'yes'");
}

TEST(LoadConfig, RateLimitsAreOffUnlessSet) {
  EXPECT_FALSE(load({}).rate_limits.writes);
  EXPECT_FALSE(load({}).rate_limits.reads);
  EXPECT_FALSE(load({{"RATE_LIMIT_WRITES", "off"}, {"RATE_LIMIT_READS", ""}}).rate_limits.writes);
  const auto c = load({{"RATE_LIMIT_WRITES", "0.5/3"}, {"RATE_LIMIT_READS", "200"}});
  ASSERT_TRUE(c.rate_limits.writes);
  EXPECT_EQ(c.rate_limits.writes->per_second, 0.5);
  EXPECT_EQ(c.rate_limits.writes->burst, 3);
  ASSERT_TRUE(c.rate_limits.reads);
  EXPECT_EQ(c.rate_limits.reads->burst, 200);
}

TEST(LoadConfig, RefusesBadRateLimitsNamingTheVariable) {
  EXPECT_NE(error_of({{"RATE_LIMIT_WRITES", "fast"}}).find("RATE_LIMIT_WRITES must be off or a rate"),
            std::string::npos);
  EXPECT_NE(error_of({{"RATE_LIMIT_READS", "5/0"}}).find("RATE_LIMIT_READS"), std::string::npos);
  EXPECT_NE(error_of({{"RATE_LIMIT_READS", "0"}}).find("'0'"), std::string::npos);
}

TEST(LoadConfig, ConfigErrorIsARuntimeError) { EXPECT_THROW((void)load({{"PORT", "abc"}}), std::runtime_error); }

TEST(LoadConfig, AdminTokenAndCorsAreOffByDefault) {
  const auto c = load({});
  EXPECT_TRUE(c.admin_token.empty());
  EXPECT_FALSE(c.cors.has_value());
  EXPECT_TRUE(load({{"ADMIN_TOKEN", ""}, {"CORS_ORIGINS", ""}}).admin_token.empty());
}

TEST(LoadConfig, ReadsAdminTokenAndCorsOrigins) {
  const auto c = load({{"ADMIN_TOKEN", "s3cret-Token_1"}, {"CORS_ORIGINS", "https://a.test,http://localhost:3000"}});
  EXPECT_EQ(c.admin_token, "s3cret-Token_1");
  ASSERT_TRUE(c.cors.has_value());
  EXPECT_TRUE(c.cors->allows("http://localhost:3000"));
  EXPECT_FALSE(c.cors->allows("https://b.test"));
}

TEST(LoadConfig, RefusesAnUnsendableTokenAndBadOrigins) {
  EXPECT_NE(error_of({{"ADMIN_TOKEN", "two words"}}).find("ADMIN_TOKEN"), std::string::npos);
  EXPECT_NE(error_of({{"CORS_ORIGINS", "a.test"}}).find("CORS_ORIGINS"), std::string::npos);
}

TEST(LoadConfig, AuthIsOffByDefault) {
  EXPECT_FALSE(load({}).tokens.has_value());
  EXPECT_FALSE(load({{"AUTH_MODE", "OFF"}, {"JWT_SECRET", "ignored"}}).tokens.has_value());
}

TEST(LoadConfig, ReadsTheTokenSettingsInJwtMode) {
  const std::string secret(32, 'k');
  const auto c = load({{"AUTH_MODE", "jwt"},
                       {"JWT_SECRET", secret},
                       {"JWT_ISSUER", "https://auth.test"},
                       {"JWT_AUDIENCE", "zomato"},
                       {"JWT_LEEWAY_SECONDS", "5"}});
  ASSERT_TRUE(c.tokens.has_value());
  EXPECT_EQ(c.tokens->key.alg(), auth::algorithm::hs256);
  EXPECT_EQ(c.tokens->issuer, "https://auth.test");
  EXPECT_EQ(c.tokens->audience, "zomato");
  EXPECT_EQ(c.tokens->leeway, std::chrono::seconds(5));
  const auto defaults = load({{"AUTH_MODE", "jwt"}, {"JWT_SECRET", secret}});
  EXPECT_FALSE(defaults.tokens->issuer.has_value());
  EXPECT_FALSE(defaults.tokens->audience.has_value());
  EXPECT_EQ(defaults.tokens->leeway, std::chrono::seconds(30));
}

TEST(LoadConfig, JwtModeRefusesToStartWithoutAUsableKey) {
  const std::string secret(32, 'k');
  EXPECT_NE(error_of({{"AUTH_MODE", "jwt"}}).find("needs JWT_SECRET"), std::string::npos);
  EXPECT_NE(error_of({{"AUTH_MODE", "jwt"}, {"JWT_SECRET", ""}}).find("needs JWT_SECRET"), std::string::npos);
  EXPECT_NE(error_of({{"AUTH_MODE", "jwt"}, {"JWT_SECRET", std::string(31, 'k')}}).find("at least 32 bytes"),
            std::string::npos);
  EXPECT_NE(
      error_of({{"AUTH_MODE", "jwt"}, {"JWT_SECRET", secret}, {"JWT_PUBLIC_KEY_FILE", "/k.pem"}}).find("not both"),
      std::string::npos);
  EXPECT_NE(error_of({{"AUTH_MODE", "jwt"}, {"JWT_PUBLIC_KEY_FILE", "/nonexistent/k.pem"}}).find("cannot be read"),
            std::string::npos);
  EXPECT_NE(error_of({{"AUTH_MODE", "jwt"}, {"JWT_SECRET", secret}, {"JWT_LEEWAY_SECONDS", "3601"}})
                .find("JWT_LEEWAY_SECONDS"),
            std::string::npos);
  EXPECT_NE(error_of({{"AUTH_MODE", "token"}}).find("AUTH_MODE must be off or jwt"), std::string::npos);
}

// A file holding a fresh public key of the type OpenSSL names ("EC" on P-256, or "RSA" of 2048
// bits) in PEM, or `text` when it is given; removed at the end of the test.
class key_file {
 public:
  explicit key_file(const char* type, const std::string& text = {}) {
    std::array<char, 32> name{"/tmp/jwt-key-XXXXXX"};
    const int fd = ::mkstemp(name.data());
    path_ = name.data();
    std::FILE* out = ::fdopen(fd, "w");
    if (text.empty()) {
      const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
          std::string(type) == "EC" ? EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")
                                    : EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{2048}),
          EVP_PKEY_free);
      PEM_write_PUBKEY(out, key.get());
    } else {
      std::fputs(text.c_str(), out);
    }
    std::fclose(out);
  }
  ~key_file() { ::unlink(path_.c_str()); }
  key_file(const key_file&) = delete;
  key_file& operator=(const key_file&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(LoadConfig, ReadsAPublicKeyFileAsRs256OrEs256) {
  const key_file ec("EC");
  EXPECT_EQ(load({{"AUTH_MODE", "jwt"}, {"JWT_PUBLIC_KEY_FILE", ec.path()}}).tokens->key.alg(), auth::algorithm::es256);
  const key_file rsa("RSA");
  EXPECT_EQ(load({{"AUTH_MODE", "jwt"}, {"JWT_PUBLIC_KEY_FILE", rsa.path()}}).tokens->key.alg(),
            auth::algorithm::rs256);
  const key_file junk("", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
  EXPECT_NE(error_of({{"AUTH_MODE", "jwt"}, {"JWT_PUBLIC_KEY_FILE", junk.path()}}).find("must hold a PEM public key"),
            std::string::npos);
}

TEST(LoadConfig, APostgresqlUrlSelectsPostgreSQLAsItIs) {
  for (const char* url : {"postgresql://zomato@127.0.0.1:5432/food", "postgres://u:secret@db/food?sslmode=require"}) {
    const auto c = load({{"DATABASE_URL", url}});
    EXPECT_EQ(c.postgres_url, url);
  }
  EXPECT_TRUE(load({{"DATABASE_URL", "sqlite:///x.db"}}).postgres_url.empty());
  const auto tuned =
      load({{"DB_POOL_SIZE", "32"}, {"DB_CONNECT_TIMEOUT_MS", "500"}, {"DB_STATEMENT_TIMEOUT_MS", "2000"}});
  EXPECT_EQ(tuned.db_pool_size, 32u);
  EXPECT_EQ(tuned.db_connect_timeout, std::chrono::milliseconds(500));
  EXPECT_EQ(tuned.db_statement_timeout, std::chrono::milliseconds(2000));
}

TEST(DatabaseLabel, ShowsThePostgresqlUrlWithoutItsPassword) {
  config c;
  EXPECT_EQ(database_label(c), "./restaurants.db");
  c.postgres_url = "postgresql://zomato:secret@127.0.0.1:5432/food?sslmode=disable";
  EXPECT_EQ(database_label(c), "postgresql://zomato:***@127.0.0.1:5432/food?sslmode=disable");
  c.postgres_url = "postgres://zomato@db:5432/food";
  EXPECT_EQ(database_label(c), "postgres://zomato@db:5432/food");
  c.postgres_url = "postgresql://db:5432/food";
  EXPECT_EQ(database_label(c), "postgresql://db:5432/food");
}

TEST(SqlitePathOf, StripsTheScheme) {
  EXPECT_EQ(sqlite_path_of("sqlite:///./restaurants.db"), "./restaurants.db");
  EXPECT_EQ(sqlite_path_of("sqlite:////var/db.sqlite"), "/var/db.sqlite");
  EXPECT_EQ(sqlite_path_of("sqlite:///data/app.db"), "data/app.db");
}

TEST(SqlitePathOf, RefusesOtherUrls) {
  EXPECT_THROW((void)sqlite_path_of(""), config_error);
  EXPECT_THROW((void)sqlite_path_of("sqlite://"), config_error);
  EXPECT_THROW((void)sqlite_path_of("sqlite:///"), config_error);
  EXPECT_THROW((void)sqlite_path_of("sqlite:///:memory:"), config_error);
  EXPECT_THROW((void)sqlite_path_of("mysql:///x"), config_error);
}

TEST(RedisEndpointOf, ReadsHostOnly) {
  const auto e = redis_endpoint_of("redis://localhost");
  EXPECT_EQ(e.host, "localhost");
  EXPECT_EQ(e.port, 6379);
  EXPECT_EQ(e.database, 0);
  EXPECT_EQ(e.password, "");
}

TEST(RedisEndpointOf, ReadsPortAndDatabase) {
  const auto e = redis_endpoint_of("redis://127.0.0.1:6380/3");
  EXPECT_EQ(e.host, "127.0.0.1");
  EXPECT_EQ(e.port, 6380);
  EXPECT_EQ(e.database, 3);
  EXPECT_EQ(redis_endpoint_of("redis://h/15").database, 15);
  EXPECT_EQ(redis_endpoint_of("redis://h:1/").database, 0);
  EXPECT_EQ(redis_endpoint_of("redis://h:1/").port, 1);
}

TEST(RedisEndpointOf, ReadsPasswords) {
  const auto e = redis_endpoint_of("redis://:s3cret@cache:6379/1");
  EXPECT_EQ(e.password, "s3cret");
  EXPECT_EQ(e.host, "cache");
  EXPECT_EQ(e.port, 6379);
  EXPECT_EQ(e.database, 1);
  // user:password takes the password; a password may hold '@' and ':'.
  EXPECT_EQ(redis_endpoint_of("redis://default:pw@cache").password, "pw");
  EXPECT_EQ(redis_endpoint_of("redis://:p@ss:w@cache").password, "p@ss:w");
  EXPECT_EQ(redis_endpoint_of("redis://:p@ss:w@cache").host, "cache");
  EXPECT_EQ(redis_endpoint_of("redis://token@cache").password, "token");
}

TEST(RedisEndpointOf, RefusesBadUrls) {
  for (const char* url : {"", "localhost:6379", "rediss://h", "redis://", "redis://:pw@", "redis://h:0",
                          "redis://h:65536", "redis://h:", "redis://h/16", "redis://h/-1", "redis://h:12ab"}) {
    EXPECT_THROW((void)redis_endpoint_of(url), config_error) << url;
  }
}

}  // namespace
}  // namespace zomato::app
