#include "support/temp_database.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "support/postgres_sql.hpp"

namespace zomato::testing {
namespace {

constexpr const char* duplicate_database = "42P04";

std::string cluster_url() {
  const char* file = std::getenv(postgres_url_file_variable);
  std::ifstream in(file);
  std::string url;
  if (!std::getline(in, url) || (url.rfind("postgresql://", 0) != 0 && url.rfind("postgres://", 0) != 0)) {
    throw std::runtime_error(std::string("no PostgreSQL URL in ") + file + " (" + postgres_url_file_variable +
                             "): did the fixture postgres.start run?");
  }
  return url;
}

/// The cluster's URL with its database name replaced by `name`.
std::string with_database(const std::string& url, const std::string& name) {
  const auto query = url.find('?');
  const auto authority = url.substr(0, query).find("://") + 3;
  const auto path = url.substr(0, query).find('/', authority);
  const auto end = path != std::string::npos ? path : query != std::string::npos ? query : url.size();
  return url.substr(0, end) + "/" + name + (query == std::string::npos ? "" : url.substr(query));
}

std::string next_name() {
  static std::atomic<int> counter{0};
  return "t_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
}

}  // namespace

bool on_postgres() {
  const char* file = std::getenv(postgres_url_file_variable);
  return file != nullptr && *file != '\0';
}

temp_database::temp_database() {
  if (on_postgres()) {
    cluster_url_ = cluster_url();
    name_ = next_name();
    const auto create = "CREATE DATABASE " + name_;
    try {
      postgres_execute(cluster_url_, create);
    } catch (const postgres_error& refused) {
      // Left by an earlier process with the same pid that ended before its destructors ran.
      if (refused.sqlstate() != duplicate_database) throw;
      postgres_execute(cluster_url_, "DROP DATABASE " + name_ + " WITH (FORCE)");
      postgres_execute(cluster_url_, create);
    }
    url_ = with_database(cluster_url_, name_);
    return;
  }
  std::string pattern = (std::filesystem::temp_directory_path() / "zomato-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  file_ = dir_ + "/test.db";
  url_ = "sqlite:///" + file_;
}

temp_database::~temp_database() {
  if (!name_.empty()) {
    try {
      postgres_execute(cluster_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception& failure) {
      std::cerr << "temp_database: " << failure.what() << '\n';
    }
    return;
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

const std::string& temp_database::path() const {
  if (!name_.empty()) throw std::logic_error("temp_database::path(): a PostgreSQL database has no file");
  return file_;
}

}  // namespace zomato::testing
