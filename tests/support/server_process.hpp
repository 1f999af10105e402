#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "support/temp_database.hpp"

namespace zomato::testing {

/// The real server binary started on a free loopback port with its own temporary
/// database; stopped with SIGTERM when destroyed.
class server_process {
 public:
  /// Extra environment variables override the defaults (PORT=0, LOG_LEVEL=warning,
  /// CACHE_WARM_ON_START=off so that a test's first read finds the cache as the test left it,
  /// CACHE_FLEET_BOUND_MS=2000, ...).
  explicit server_process(std::map<std::string, std::string> environment = {});
  ~server_process();
  server_process(const server_process&) = delete;
  server_process& operator=(const server_process&) = delete;

  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  const temp_database& database() const { return database_; }

  /// The next line the server writes on standard output (its access log while LOG_LEVEL is
  /// info), without its newline; nullopt when none comes within the wait.
  std::optional<std::string> next_output_line(int wait_ms = 5000);

  /// Sends SIGTERM and waits; returns the exit status (0 for a clean stop).
  int stop();
  /// Sends SIGKILL and waits.
  void kill();

 private:
  void close_output();

  temp_database database_;
  pid_t pid_ = -1;
  int output_ = -1;
  std::string output_pending_;  // read from output_, not yet a whole line
  std::uint16_t port_ = 0;
};

/// Starts the binary with the environment and returns the first line it writes to stderr
/// and its exit status, for configuration errors.
std::pair<int, std::string> run_to_exit(const std::map<std::string, std::string>& environment);

}  // namespace zomato::testing
