#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace zomato::testing {

/// A free TCP port on 127.0.0.1 (bound and released; nothing listens on it afterwards).
std::uint16_t free_loopback_port();

/// A real `redis-server` child on a loopback port, without persistence. Started by the
/// constructor (it answers PING before the constructor returns); SIGTERM + waitpid when
/// destroyed. It can be killed and started again on the same port.
class redis_process {
 public:
  /// Port 0 picks a free one.
  explicit redis_process(std::uint16_t port = 0);
  ~redis_process();
  redis_process(const redis_process&) = delete;
  redis_process& operator=(const redis_process&) = delete;

  std::uint16_t port() const { return port_; }
  /// "redis://127.0.0.1:<port>/<database>"
  std::string url(int database = 0) const;
  bool running() const { return pid_ > 0; }

  /// Starts the server again on the same port (no-op when it runs); waits for PING.
  void start();
  /// SIGTERM and waitpid.
  void stop();
  /// SIGKILL and waitpid.
  void kill();
  /// SIGSTOP: the server keeps its port but answers nothing (a hung Redis).
  void pause();
  /// SIGCONT after pause().
  void resume();

  /// Sends one command (RESP array of the words) on a fresh connection and returns the
  /// reply's first line ("+PONG", ":42", "$-1", "-ERR ..."); empty when nothing answers.
  std::string ask(const std::vector<std::string>& words) const;

 private:
  void end(int signal_number);

  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace zomato::testing
