#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace zomato::app {

/// How the jobs of one kind have ended so far.
struct job_outcomes {
  std::string kind;
  std::uint64_t succeeded = 0;
  std::uint64_t failed = 0;  // threw (the error is logged)
};

/// One worker thread with its own event loop for jobs that must not hold up requests:
/// one-off jobs and periodic tasks, each of a named kind whose outcomes are counted. Stops
/// (finishing the job under way) when destroyed.
class background {
 public:
  background();
  ~background();
  background(const background&) = delete;
  background& operator=(const background&) = delete;

  /// Runs the job soon, on the worker thread.
  void post(const std::string& kind, std::function<void()> job);
  /// Runs the job every `interval`, the first time one interval from now.
  void every(const std::string& kind, std::chrono::seconds interval, std::function<void()> job);
  /// The outcomes of every kind posted or scheduled so far, in that order. Thread-safe.
  std::vector<job_outcomes> outcomes() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace zomato::app
