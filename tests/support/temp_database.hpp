#pragma once

#include <string>

namespace zomato::testing {

/// The environment variable naming the file that holds the URL of the shared PostgreSQL cluster
/// (scripts/postgres-cluster.sh writes it); when set, every temp_database is on that cluster.
inline constexpr const char* postgres_url_file_variable = "ZOMATO_TEST_POSTGRES_URL_FILE";

/// True when the tests run on PostgreSQL (ZOMATO_TEST_POSTGRES_URL_FILE is set and not empty).
bool on_postgres();

/// Why a test that uses no database skips itself on PostgreSQL: it runs once, in the SQLite run.
inline constexpr const char* uses_no_database = "uses no database: runs once, in the SQLite run";

/// A fresh, empty database for one test, removed afterwards. On SQLite (the default) a file in a
/// directory of its own; on PostgreSQL (on_postgres()) a database `t_<pid>_<n>` created on the
/// shared cluster and dropped WITH (FORCE) when destroyed.
class temp_database {
 public:
  /// Throws std::runtime_error when the directory cannot be made, or, on PostgreSQL, when the
  /// URL file cannot be read or the database cannot be created.
  temp_database();
  /// Removes the directory, or drops the database (a failure is reported on stderr).
  ~temp_database();
  temp_database(const temp_database&) = delete;
  temp_database& operator=(const temp_database&) = delete;

  /// The SQLite file; throws std::logic_error on PostgreSQL, which has no file (tests that need
  /// it skip there).
  const std::string& path() const;
  /// The DATABASE_URL of this database: "sqlite:///<file>" or "postgresql://...@.../t_<pid>_<n>".
  const std::string& url() const { return url_; }

 private:
  std::string dir_;          // SQLite only
  std::string file_;         // SQLite only
  std::string cluster_url_;  // PostgreSQL only: the cluster's maintenance database
  std::string name_;         // PostgreSQL only
  std::string url_;
};

}  // namespace zomato::testing
