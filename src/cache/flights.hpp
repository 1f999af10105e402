#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "http/message.hpp"

namespace zomato::cache {

/// The computations of missing keys in progress, each with the requests waiting for its
/// answer (single-flight: one computation per key however many ask at once). Thread-safe.
class flights {
 public:
  /// Gets the answer of a computation, rendered for the request that waited.
  using waiter = std::function<void(const http::response& computed, const char* cache_status)>;

  /// Starts the key's flight when none is in progress: true, and the caller computes and then
  /// lands it. Otherwise false, and `waiting` (unless empty) is told when it lands.
  bool lead_or_wait(const std::string& key, waiter waiting);
  /// Ends the key's flight: each of its waiters is called, on this thread, outside the lock.
  void land(const std::string& key, const http::response& computed, const char* cache_status);
  /// How many keys are being computed.
  std::size_t in_progress() const;

 private:
  mutable std::mutex lock_;
  std::unordered_map<std::string, std::vector<waiter>> waiting_;
};

}  // namespace zomato::cache
