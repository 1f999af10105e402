#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http/message.hpp"
#include "net/request_parser.hpp"

namespace boost::asio {
class io_context;
}

namespace zomato::net {

/// Called with the response of a read answered on its loop, or with nullopt when the read
/// must run on a thread after all (the remote cache had nothing).
using loop_answer = std::function<void(std::optional<http::response>)>;

struct server_options {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;
  unsigned threads = 1;
  wire_limits limits;
  /// Open connections one event loop keeps; past it a new one gets 503 and is closed.
  std::size_t connections_per_loop = 4096;
  /// A request must arrive whole within this (408 otherwise), an answer be taken within it,
  /// and a keep-alive connection idle no longer.
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds shutdown_grace{10};
  bool access_log = true;
  /// Threads that run requests which may wait for the database writer (every method but
  /// GET and HEAD), so the event loops keep serving reads meanwhile.
  unsigned blocking_threads = 8;
  /// Which GET and HEAD requests may wait too (on a remote cache with no in-process copy in
  /// front): they run on threads of their own (as many as the blocking ones), so a loop has
  /// many of them in flight and none of them waits behind a write.
  std::function<bool(const http::request&)> read_may_wait;
  /// Answers such a read on the loop it arrived on (loops are numbered from 0) without
  /// blocking it, as a remote cache can: returns false when it does not take the request,
  /// otherwise calls `done` later on that loop. A read it could not answer then runs on a
  /// thread with `remote_cache_missed` set.
  std::function<bool(const http::request&, boost::asio::io_context& loop, unsigned loop_index, loop_answer done)>
      answer_on_loop;
  /// Runs the requests of other methods than GET and HEAD (on the blocking threads): it may
  /// return before what it wrote is durable and then calls `acknowledge` once it is, from
  /// any thread; the answer goes out only after that (a 500 when the writes were lost).
  /// Unset: the application runs them, acknowledged when it returns.
  std::function<http::response(const http::request&, std::function<void(bool)> acknowledge)> write;
};

/// Answers one request; must not throw (the server turns a throw into a logged 500).
using application = std::function<http::response(const http::request&)>;

/// An HTTP/1.1 keep-alive server: one event loop per thread, each with its own acceptor
/// on the same port (SO_REUSEPORT), requests read by request_parser within the limits.
/// HEAD is answered as GET without the body. Stops on SIGINT/SIGTERM after in-flight
/// requests finish.
class server {
 public:
  server(server_options options, application app);
  ~server();

  /// Binds the listening sockets; returns the port (useful when options.port is 0).
  /// Throws std::runtime_error with a clear message when the address cannot be used.
  std::uint16_t bind();

  /// Serves until a stop signal or stop(); returns when every thread has finished.
  void run();

  /// Asks the server to stop as a signal would. Safe from any thread.
  void stop();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace zomato::net
