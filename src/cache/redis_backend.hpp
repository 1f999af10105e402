#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cache/entry.hpp"
#include "cache/redis_connect.hpp"

struct redisContext;

namespace zomato::cache {

/// What Redis says about itself.
struct redis_info {
  bool connected = false;
  double ping_ms = 0.0;
  std::string version;
  std::int64_t uptime_seconds = 0;
  std::int64_t connected_clients = 0;
  std::int64_t used_memory = 0;
  std::string used_memory_human;
  std::int64_t max_memory = 0;
};

/// Redis through hiredis: a pool of connections with short timeouts. A failure never
/// reaches the caller: the call answers "nothing" and Redis is left alone for a moment
/// (retry_after), after which the next call reconnects by itself.
class redis_backend {
 public:
  explicit redis_backend(redis_settings settings);
  ~redis_backend();
  redis_backend(const redis_backend&) = delete;
  redis_backend& operator=(const redis_backend&) = delete;

  std::optional<entry> get(const std::string& key);
  void put(const std::string& key, const entry& value, std::chrono::seconds ttl);

  /// True unless the last attempt failed and the pause after it is not over.
  bool available() const;
  redis_info info();
  std::uint64_t failures() const { return failures_.load(); }
  std::string last_error() const;
  /// Counts a failure and leaves Redis alone for `retry_after`; pooled connections are dropped.
  void report_failure(const std::string& why);
  const redis_settings& settings() const { return settings_; }

  struct key_stats {
    std::int64_t keys = 0;
    std::int64_t bytes = 0;        // MEMORY USAGE: what Redis spends on them
    std::int64_t value_bytes = 0;  // STRLEN: what they hold
  };
  /// Counts the keys matching a pattern with SCAN and sums MEMORY USAGE and STRLEN over them.
  key_stats scan_stats(const std::string& pattern);
  /// Halves every score of the sorted set `key` for each `half_life` since they last faded (by
  /// any process; kept under "<key>:faded"; a clock set back fades nothing), adds `uses` (member,
  /// score) to theirs and keeps the `keep` highest, in one script; does nothing when Redis cannot
  /// be reached.
  void record_usage(const std::string& key, const std::vector<std::pair<std::string, double>>& uses,
                    std::chrono::system_clock::time_point at, std::chrono::duration<double> half_life,
                    std::size_t keep);
  /// The `limit` highest members of the sorted set `key` with their scores, highest first; none
  /// when Redis cannot be reached.
  std::vector<std::pair<std::string, double>> top_usage(const std::string& key, std::size_t limit);
  /// Unlinks the keys matching a pattern that `unwanted` picks (SCAN + UNLINK, never KEYS);
  /// returns how many.
  std::int64_t unlink_if(const std::string& pattern, const std::function<bool(const std::string&)>& unwanted);

 private:
  struct connection;
  std::unique_ptr<connection> acquire();
  void release(std::unique_ptr<connection> used);
  /// Calls `each` on every key matching the pattern (SCAN, never KEYS); false on a failure.
  static bool scan(redisContext* context, const std::string& pattern,
                   const std::function<void(std::string_view)>& each);
  /// Runs `work` on a pooled connection; false (and a pause) when Redis does not answer.
  bool with_connection(const std::function<bool(redisContext*)>& work);

  redis_settings settings_;
  mutable std::mutex pool_lock_;
  std::vector<std::unique_ptr<connection>> idle_;
  std::atomic<std::int64_t> paused_until_{0};
  std::atomic<std::uint64_t> failures_{0};
  std::string last_error_;
};

}  // namespace zomato::cache
