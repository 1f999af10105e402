#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cache/entry.hpp"

namespace boost::asio {
class io_context;
}

namespace zomato::cache {

class redis_backend;

/// One connection to Redis owned by one event loop, read without blocking it: the commands asked
/// during a turn of the loop go out in one write, their replies come back in order and each
/// answers its caller on the loop. Shares the backend's settings and its pause after a
/// failure; a failure, a timeout or a pause answers "nothing", never an error.
class redis_pipeline {
 public:
  redis_pipeline(boost::asio::io_context& loop, redis_backend& backend);
  ~redis_pipeline();
  redis_pipeline(const redis_pipeline&) = delete;
  redis_pipeline& operator=(const redis_pipeline&) = delete;

  /// Looks the key up; `done` runs later on the loop, with the entry or nullopt (absent or
  /// Redis unavailable). Call on the loop's thread.
  void get(const std::string& key, std::function<void(std::optional<entry>)> done);
  /// Sends a command whose reply is an integer (a script's); `done` runs later on the loop with
  /// it, or nullopt (another reply, Redis unavailable or late). Call on the loop's thread.
  void call(const std::vector<std::string>& words, std::function<void(std::optional<std::int64_t>)> done);

 private:
  struct state;
  std::shared_ptr<state> state_;
};

}  // namespace zomato::cache
