#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace zomato::testing {

/// A PostgreSQL 15 cluster of its own (scripts/postgres-cluster.sh in a fresh temporary
/// directory) on a free 127.0.0.1 port, for the tests that kill or restart PostgreSQL; the shared
/// cluster of the API suite is never killed. User zomato, trust authentication, PostgreSQL's
/// defaults otherwise (fsync and synchronous_commit on). Stopped and removed when destroyed; when
/// the test process dies first, the script's watcher stops it within a second or two.
class postgres_process {
 public:
  /// Creates and starts the cluster; it accepts connections when the constructor returns.
  /// Throws std::runtime_error when it cannot be started (the script's reasons on stderr).
  postgres_process();
  /// Stops the cluster (fast shutdown) and removes its files; failures are reported on stderr.
  ~postgres_process();
  postgres_process(const postgres_process&) = delete;
  postgres_process& operator=(const postgres_process&) = delete;

  std::uint16_t port() const { return port_; }
  /// "postgresql://zomato@127.0.0.1:<port>/<database>".
  std::string url(const std::string& database = "postgres") const;

  /// SIGKILL to the postmaster and every process it started, as a crash; returns once all are
  /// gone. Throws std::runtime_error when the script fails.
  void kill();
  /// Starts the cluster again on the same port (stopping it first when it runs; crash recovery
  /// after kill()); it accepts connections when this returns. Throws std::runtime_error when it
  /// does not start.
  void restart();

 private:
  void run(const std::vector<std::string>& arguments) const;

  std::string dir_;  // the script's <dir>: a fresh temporary directory
  std::uint16_t port_ = 0;
};

}  // namespace zomato::testing
