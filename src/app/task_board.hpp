#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "api/task_statuses.hpp"

namespace zomato::app {

/// What the background tasks last did, for /cache/health. Thread-safe.
class task_board final : public api::task_statuses {
 public:
  /// Lists a task that runs every `interval_seconds`, as not run yet.
  void schedule(const std::string& name, std::int64_t interval_seconds);
  /// Notes that the task of that name ran now with `result` (nothing for an unknown name).
  void record(const std::string& name, std::string result);
  std::vector<services::task_status> all() const override;

 private:
  mutable std::mutex lock_;
  std::vector<services::task_status> tasks_;
};

}  // namespace zomato::app
