// The test infrastructure for PostgreSQL: a cluster of a test's own (support/postgres_process),
// killed and restarted as the fault tests do, and temp_database on a cluster (the api_pg suite).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "support/postgres_process.hpp"
#include "support/postgres_sql.hpp"
#include "support/temp_database.hpp"

namespace zomato::testing {
namespace {

// Why these tests skip themselves in integration_pg.*: each starts a cluster of its own.
constexpr const char* runs_once = "tests the test infrastructure: runs once, in integration.*";

TEST(PostgresProcess, AnswersAfterASigkillAndARestartWithWhatItCommitted) {
  if (on_postgres()) GTEST_SKIP() << runs_once;
  postgres_process postgres;
  const auto url = postgres.url();
  EXPECT_EQ(postgres_value(url, "SELECT 1"), "1");
  EXPECT_EQ(postgres_value(url, "SELECT current_user"), "zomato");
  EXPECT_EQ(postgres_value(url, "SHOW synchronous_commit"), "on");
  postgres_execute(url, "CREATE TABLE kept (n integer); INSERT INTO kept VALUES (42)");

  postgres.kill();
  EXPECT_THROW(postgres_value(url, "SELECT 1"), postgres_error);

  postgres.restart();
  EXPECT_EQ(postgres.url(), url) << "the same port";
  EXPECT_EQ(postgres_value(url, "SELECT n FROM kept"), "42");
  postgres.restart();
  EXPECT_EQ(postgres_value(url, "SELECT count(*) FROM kept"), "1") << "a restart of a running cluster";
}

TEST(PostgresProcess, IsGoneWhenDestroyed) {
  if (on_postgres()) GTEST_SKIP() << runs_once;
  std::string url;
  {
    postgres_process postgres;
    url = postgres.url();
    EXPECT_EQ(postgres_value(url, "SELECT 1"), "1");
  }
  EXPECT_THROW(postgres_value(url, "SELECT 1"), postgres_error);
}

/// Points ZOMATO_TEST_POSTGRES_URL_FILE at a file holding `url` while it lives.
class postgres_mode {
 public:
  explicit postgres_mode(const std::string& url) {
    if (const char* before = std::getenv(postgres_url_file_variable)) before_ = before;
    file_ = (std::filesystem::temp_directory_path() / ("zomato-pg-url-" + std::to_string(::getpid()))).string();
    std::ofstream(file_) << url << '\n';
    ::setenv(postgres_url_file_variable, file_.c_str(), 1);
  }
  ~postgres_mode() {
    if (before_) {
      ::setenv(postgres_url_file_variable, before_->c_str(), 1);
    } else {
      ::unsetenv(postgres_url_file_variable);
    }
    std::filesystem::remove(file_);
  }
  postgres_mode(const postgres_mode&) = delete;
  postgres_mode& operator=(const postgres_mode&) = delete;

 private:
  std::string file_;
  std::optional<std::string> before_;
};

std::string databases_named(const postgres_process& postgres, const std::string& url) {
  const auto name = url.substr(url.rfind('/') + 1);
  return postgres_value(postgres.url(), "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'");
}

TEST(TempDatabase, OnAClusterEachIsAFreshDatabaseDroppedAfterwards) {
  if (on_postgres()) GTEST_SKIP() << runs_once;
  postgres_process postgres;
  const postgres_mode mode(postgres.url());
  ASSERT_TRUE(on_postgres());
  std::string first_url;
  {
    const temp_database first;
    const temp_database second;
    first_url = first.url();
    EXPECT_EQ(first.url().rfind("postgresql://zomato@127.0.0.1:" + std::to_string(postgres.port()) + "/t_", 0), 0u)
        << first.url();
    EXPECT_NE(first.url(), second.url());
    EXPECT_THROW(static_cast<void>(first.path()), std::logic_error);
    postgres_execute(first.url(), "CREATE TABLE mine (n integer)");
    EXPECT_EQ(postgres_value(first.url(), "SELECT count(*) FROM pg_tables WHERE tablename = 'mine'"), "1");
    EXPECT_EQ(postgres_value(second.url(), "SELECT count(*) FROM pg_tables WHERE tablename = 'mine'"), "0");
    EXPECT_EQ(databases_named(postgres, first_url), "1");
  }
  EXPECT_EQ(databases_named(postgres, first_url), "0") << "dropped when destroyed";
}

TEST(TempDatabase, WithoutTheVariableIsASqliteFile) {
  if (on_postgres()) GTEST_SKIP() << "ZOMATO_TEST_POSTGRES_URL_FILE is set";
  const temp_database database;
  EXPECT_EQ(database.url(), "sqlite:///" + database.path());
}

}  // namespace
}  // namespace zomato::testing
