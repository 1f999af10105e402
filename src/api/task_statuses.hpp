#pragma once

#include <vector>

#include "services/cache_report.hpp"

namespace zomato::api {

/// What the server's background jobs last did, as /cache/health shows it; the application,
/// which runs the jobs, keeps it.
class task_statuses {
 public:
  /// Every job's status, in the order they were scheduled. Thread-safe.
  virtual std::vector<services::task_status> all() const = 0;

 protected:
  ~task_statuses() = default;
};

}  // namespace zomato::api
