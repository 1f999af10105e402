#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "http/message.hpp"
#include "net/access_log.hpp"
#include "net/request_metrics.hpp"
#include "net/request_parser.hpp"

namespace boost::asio {
class io_context;
}

namespace zomato::net {

/// The event loop a request arrived on (loops are numbered from 0).
struct loop_ref {
  unsigned index = 0;
  boost::asio::io_context& context;
};

/// Sends the answer of a request that the application answers later: callable once, from
/// any thread; the answer goes out from the request's loop.
class reply {
 public:
  struct state;
  explicit reply(std::shared_ptr<state> waiting) : state_(std::move(waiting)) {}
  void operator()(http::response answer) const;

 private:
  std::shared_ptr<state> state_;
};

/// Given to the application with each request: taking it means the answer comes later,
/// through the reply (nothing is allocated for requests answered at once). The application
/// also names on it the route that answers, for the request counters.
class later {
 public:
  explicit later(boost::asio::io_context& loop) : loop_(loop) {}
  /// The reply to call once the answer is known; take it at most once.
  reply take();
  bool taken() const { return waiting_ != nullptr; }
  const std::shared_ptr<reply::state>& state() const { return waiting_; }
  /// Names the route (its index, below server_options::routes) that answers the request; a
  /// request with none named is counted as unmatched. Call before answering.
  void answered_by(std::size_t route) { route_ = route; }
  std::optional<std::size_t> route() const { return route_; }

 private:
  boost::asio::io_context& loop_;
  std::shared_ptr<reply::state> waiting_;
  std::optional<std::size_t> route_;
};

/// What the server serves. answer() runs on the request's event loop and must not block
/// it: it returns the response when it has it at once, or nullopt after taking `deferred`
/// and arranging for its reply to be called. It must not throw (a throw is a logged 500).
class application {
 public:
  virtual ~application() = default;
  virtual std::optional<http::response> answer(const http::request& req, loop_ref loop, later& deferred) = 0;
  /// Adds to the request's answer, just before it is written on the request's loop, what every
  /// answer carries besides its own headers (none by default). Must not throw.
  virtual void decorate(const http::request& /*req*/, http::response& /*answer*/) const {}
};

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
  /// One line per answered request on standard output. While it is on, every answer carries
  /// X-Request-Id (the client's when acceptable, else one made here); while it is off, only an
  /// acceptable id the client sent is sent back.
  access_log_format access_log = access_log_format::text;
  /// How many routes the application may name (later::answered_by): each is counted apart.
  std::size_t routes = 0;
};

/// An HTTP/1.1 keep-alive server: one event loop per thread, each with its own acceptor
/// on the same port (SO_REUSEPORT), requests read by request_parser within the limits.
/// HEAD is answered as GET without the body. Stops on SIGINT/SIGTERM after in-flight
/// requests finish.
class server {
 public:
  server(server_options options, application& app);
  ~server();

  /// Binds the listening sockets; returns the port (useful when options.port is 0).
  /// Throws std::runtime_error with a clear message when the address cannot be used.
  std::uint16_t bind();

  /// Serves until a stop signal or stop(); returns when every thread has finished. The process
  /// must ignore SIGPIPE (main does): answers go out by writev, which raises it on a socket the
  /// client closed.
  void run();

  /// Asks the server to stop as a signal would. Safe from any thread.
  void stop();

  /// What the loops have counted so far: requests by route, status and duration, refusals,
  /// open connections and requests in flight. Safe from any thread; never fails.
  request_figures requests() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace zomato::net
