#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace zomato::api {

struct task_status {
  std::string name;
  std::int64_t interval_seconds = 0;
  std::int64_t runs = 0;
  double last_run = 0.0;  // seconds since the epoch; 0 before the first run
  std::string last_result;
};

/// What the background tasks last did, for /cache/health and /cache/info. Thread-safe.
class task_board {
 public:
  void schedule(const std::string& name, std::int64_t interval_seconds);
  void record(const std::string& name, std::string result);
  std::vector<task_status> all() const;

 private:
  mutable std::mutex lock_;
  std::vector<task_status> tasks_;
};

}  // namespace zomato::api
