#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace zomato::app {

/// One worker thread with its own event loop for jobs that must not hold up requests:
/// one-off jobs and periodic tasks. Stops (finishing the job under way) when destroyed.
class background {
 public:
  background();
  ~background();
  background(const background&) = delete;
  background& operator=(const background&) = delete;

  /// Runs the job soon, on the worker thread.
  void post(std::function<void()> job);
  /// Runs the job every `interval`, the first time one interval from now.
  void every(std::chrono::seconds interval, std::function<void()> job);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace zomato::app
