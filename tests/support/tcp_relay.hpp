#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace zomato::testing {

/// A TCP relay from a free loopback port to a loopback target port, run by a thread of its own:
/// each connection to port() is joined to a new one to the target. cut() closes every joined
/// pair and, until mend(), closes each new connection at once: a network partition of whatever
/// connects through the relay, while others reach the target directly.
class tcp_relay {
 public:
  explicit tcp_relay(std::uint16_t target);
  ~tcp_relay();
  tcp_relay(const tcp_relay&) = delete;
  tcp_relay& operator=(const tcp_relay&) = delete;

  std::uint16_t port() const { return port_; }
  /// Shuts every joined pair down (both ends see the connection close) and refuses new ones.
  void cut();
  /// Joins new connections again.
  void mend();

 private:
  void run();
  void accept_one();

  std::uint16_t target_;
  std::uint16_t port_ = 0;
  int listener_ = -1;
  std::atomic<bool> stopping_{false};
  std::mutex lock_;
  bool cut_ = false;                        // under lock_
  std::vector<std::pair<int, int>> pairs_;  // (accepted, upstream); changed by the thread only, under lock_
  std::thread thread_;
};

}  // namespace zomato::testing
