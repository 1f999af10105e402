#include "app/task_board.hpp"

#include "domain/clock.hpp"

#include <chrono>

namespace zomato::app {

void task_board::schedule(const std::string& name, std::int64_t interval_seconds) {
  std::lock_guard guard(lock_);
  tasks_.push_back({name, interval_seconds, 0, 0.0, "not run yet"});
}

void task_board::record(const std::string& name, std::string result) {
  const double now = domain::epoch_seconds_now();
  std::lock_guard guard(lock_);
  for (auto& task : tasks_) {
    if (task.name != name) continue;
    ++task.runs;
    task.last_run = now;
    task.last_result = std::move(result);
    return;
  }
}

std::vector<services::task_status> task_board::all() const {
  std::lock_guard guard(lock_);
  return tasks_;
}

}  // namespace zomato::app
