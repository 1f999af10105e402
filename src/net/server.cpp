#include "net/server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <mutex>
#include <optional>
#include <random>
#include <span>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

#include "net/asio.hpp"
#include "net/poller.hpp"
#include "net/response_writer.hpp"

namespace zomato::net {
namespace {

namespace asio = boost::asio;
using error_code = boost::system::error_code;
using tcp = asio::ip::tcp;
using reuse_port = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

// Everything of a loop runs on its io_context's own executor type: no type-erased executor
// is built, copied or called on the way of a request.
template <class T = void>
using task = asio::awaitable<T, loop_executor>;
constexpr asio::use_awaitable_t<loop_executor> use_task;
using acceptor_type = asio::basic_socket_acceptor<tcp, loop_executor>;
using timer_type =
    asio::basic_waitable_timer<std::chrono::steady_clock, asio::wait_traits<std::chrono::steady_clock>, loop_executor>;

// Each loop's sockets and timers are used by that loop's thread alone, so the reactor needs no
// lock around their operations; posting from other threads (replies) stays locked.
constexpr int loop_concurrency = BOOST_ASIO_CONCURRENCY_HINT_UNSAFE_IO;

// Where a connection is, for its watchdog: a request that does not arrive in time gets a
// 408, an answer the client does not take in time a closed socket, and a handler is waited for.
enum class phase { reading, handling, writing };

// The client's IP address as text, from what accept gave; empty for another family.
std::string address_of(const sockaddr_storage& from) {
  std::array<char, INET6_ADDRSTRLEN> text{};
  const void* address = nullptr;
  if (from.ss_family == AF_INET) address = &reinterpret_cast<const sockaddr_in&>(from).sin_addr;
  if (from.ss_family == AF_INET6) address = &reinterpret_cast<const sockaddr_in6&>(from).sin6_addr;
  if (address == nullptr || ::inet_ntop(from.ss_family, address, text.data(), text.size()) == nullptr) return {};
  return text.data();
}

// One client connection and the deadline its watchdog enforces: moving the deadline costs
// no system call, unlike re-arming a timer around every read and write.
struct connection {
  connection(poller& watcher, int fd, std::string address)
      : io(watcher, fd), watchdog(watcher.executor()), peer(std::move(address)) {}
  void allow(std::chrono::seconds span, std::chrono::steady_clock::time_point from = std::chrono::steady_clock::now()) {
    deadline = from + span;
  }

  stream io;
  timer_type watchdog;
  std::string peer;  // the client's address, which each request's `peer` views
  std::chrono::steady_clock::time_point deadline;
  phase now = phase::reading;
  bool expired = false;  // the read was cancelled at its deadline
  bool finished = false;
};

// How long a timed-out request's 408 may take to go out before the socket is closed.
constexpr std::chrono::seconds refusal_grace{2};

task<> guard(std::shared_ptr<connection> c, std::chrono::seconds read_timeout) {
  while (!c->finished) {
    c->watchdog.expires_at(c->deadline);
    error_code ec;
    co_await c->watchdog.async_wait(asio::redirect_error(use_task, ec));
    const auto now = std::chrono::steady_clock::now();
    if (c->finished || now < c->deadline) continue;
    if (c->now == phase::handling) {
      c->allow(read_timeout, now);
    } else if (c->now == phase::reading && !c->expired) {
      c->expired = true;
      c->allow(refusal_grace, now);
      c->io.cancel();
    } else {
      c->io.close();
      co_return;
    }
  }
}

http::response internal_error() {
  http::response failed;
  failed.status = 500;
  failed.body = "{\"detail\":\"Internal server error\"}";
  return failed;
}

// The X-Cache-Status an answer carries, or "".
std::string_view cache_status_of(const http::response& res) {
  for (const auto& [name, value] : res.headers) {
    if (name == "x-cache-status") return value;
  }
  return {};
}

// A request whose answer comes later: the answer and the waiting coroutine meet here in
// whichever order they arrive.
struct waiter {
  virtual ~waiter() = default;
  virtual void resume(http::response answer) = 0;
};

template <class Handler>
struct waiter_of final : waiter {
  explicit waiter_of(Handler&& h) : handler(std::move(h)) {}
  void resume(http::response answer) override {
    auto h = std::move(handler);
    h(std::move(answer));
  }
  Handler handler;
};

// What each event loop keeps of its own, apart from the other loops' cache lines.
struct alignas(64) loop_state {
  loop_state(std::uint32_t process_tag, unsigned index, std::size_t routes)
      : counters(routes), ids(process_tag, index) {}
  loop_counters counters;  // read by other threads too
  // The rest is touched on the loop only.
  date_field date;
  request_id_source ids;
  std::string log_line;  // written out whole before the loop does anything else
};

}  // namespace

struct reply::state {
  explicit state(asio::io_context& on) : loop(on) {}
  asio::io_context& loop;
  std::mutex lock;
  std::optional<http::response> answer;
  std::unique_ptr<waiter> waiting;

  // Resumes the waiting request on its loop.
  void deliver(std::unique_ptr<waiter> w, http::response res) {
    asio::post(loop, [w = std::move(w), res = std::move(res)]() mutable { w->resume(std::move(res)); });
  }
};

void reply::operator()(http::response answer) const {
  std::unique_lock guard(state_->lock);
  if (!state_->waiting) {
    state_->answer = std::move(answer);
    return;
  }
  auto w = std::move(state_->waiting);
  guard.unlock();
  state_->deliver(std::move(w), std::move(answer));
}

reply later::take() {
  waiting_ = std::make_shared<reply::state>(loop_);
  return reply(waiting_);
}

namespace {

// Waits, without blocking the loop, for the answer a reply brings.
task<http::response> answer_of(const std::shared_ptr<reply::state>& waiting) {
  return asio::async_initiate<const asio::use_awaitable_t<loop_executor>&, void(http::response)>(
      [waiting](auto handler) {
        auto w = std::make_unique<waiter_of<decltype(handler)>>(std::move(handler));
        std::unique_lock guard(waiting->lock);
        if (!waiting->answer) {
          waiting->waiting = std::move(w);
          return;
        }
        auto res = std::move(*waiting->answer);
        guard.unlock();
        waiting->deliver(std::move(w), std::move(res));
      },
      use_task);
}

// `bytes` as a part of a writev (which only reads them).
iovec part_of(std::string_view bytes) { return {const_cast<char*>(bytes.data()), bytes.size()}; }

// Drops the first `count` bytes of `rest`.
void skip(std::span<iovec>& rest, std::size_t count) {
  while (!rest.empty() && count >= rest.front().iov_len) {
    count -= rest.front().iov_len;
    rest = rest.subspan(1);
  }
  if (rest.empty()) return;
  rest.front().iov_base = static_cast<char*>(rest.front().iov_base) + count;
  rest.front().iov_len -= count;
}

// Sends what the socket takes at once of `rest` and drops it from there: false when the
// connection failed.
bool send_some(stream& io, std::span<iovec>& rest) {
  const auto sent = io.send(rest);
  skip(rest, sent.bytes);
  return sent.status != transfer::outcome::ended;
}

// Sends all of `rest`, waiting for room as the client reads: false when the connection failed
// or was closed meanwhile.
task<bool> send_rest(stream& io, std::span<iovec> rest) {
  bool open = send_some(io, rest);
  while (open && !rest.empty()) {
    open = co_await io.writable() == wait_result::ready && send_some(io, rest);
  }
  co_return open;
}

// Sends all of `bytes`, as send_rest.
task<bool> send_all(stream& io, std::string_view bytes) {
  std::array<iovec, 1> whole{part_of(bytes)};
  co_return co_await send_rest(io, whole);
}

}  // namespace

struct server::impl {
  impl(server_options o, application& a) : options(std::move(o)), app(a) {}

  server_options options;
  application& app;
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<std::unique_ptr<acceptor_type>> acceptors;
  std::vector<std::unique_ptr<loop_state>> loops;
  // Each loop's connections; declared after `contexts`, as each must go before its io_context.
  std::vector<std::unique_ptr<poller>> pollers;
  std::atomic<bool> stopping{false};

  // The application's answer when it has it at once; a throw is logged and answers nothing.
  std::optional<http::response> answer_now(const http::request& req, unsigned loop_index, later& deferred) {
    try {
      return app.answer(req, {loop_index, *contexts[loop_index]}, deferred);
    } catch (const std::exception& error) {
      std::fprintf(stderr, "error: unhandled exception on %.*s: %s\n", static_cast<int>(req.path.size()),
                   req.path.data(), error.what());
    } catch (...) {
      std::fprintf(stderr, "error: unhandled exception on %.*s\n", static_cast<int>(req.path.size()), req.path.data());
    }
    return std::nullopt;
  }

  // Sends a refusal and lets the connection end: within the read timeout, or the grace left
  // to a request that timed out.
  task<> refuse(connection& c, unsigned loop_index, int status, std::string_view detail) {
    auto& state = *loops[loop_index];
    state.counters.count_refusal(status);
    const auto wire = refusal(status, detail, state.date.at(std::chrono::system_clock::now()));
    if (!c.expired) c.allow(options.read_timeout);
    c.now = phase::writing;
    co_await send_all(c.io, wire);
  }

  // The request's id: the client's when acceptable, else (while logging) one made on the
  // loop and kept in `own_id`, else none.
  std::string_view request_id_of(const wire_request& message, loop_state& state, std::string& own_id) const {
    const auto sent = message.field("x-request-id");
    if (acceptable_request_id(sent)) return sent;
    if (options.access_log == access_log_format::off) return {};
    own_id.assign(state.ids.next());
    return own_id;
  }

  void log(loop_state& state, const access_record& record) const {
    state.log_line.clear();
    append_access_line(state.log_line, options.access_log, record);
    std::fwrite(state.log_line.data(), 1, state.log_line.size(), stdout);
  }

// g++ 12 takes the coroutine frame's allocation, by Asio's recycling operator new, and its own
// operator delete for a mismatch; they are the pair Asio declares.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
  task<> serve(std::shared_ptr<connection> c, unsigned loop_index) {
    auto& state = *loops[loop_index];
    c->allow(options.read_timeout);
    asio::co_spawn(c->watchdog.get_executor(), guard(c, options.read_timeout), asio::detached);
    request_parser parser(options.limits);
    std::string head;
    std::string own_id;  // the id made for a request that came without one
    for (;;) {
      // Reads until the parser has a whole request or refuses one (a request pipelined behind the
      // last one needs no read): incomplete means the connection ended or timed out first.
      // Inline, as a coroutine of its own would cost a frame per request.
      c->now = phase::reading;
      auto read = parser.parse();
      while (read == parse_state::incomplete) {
        if (parser.awaits_continue()) {
          if (!co_await send_all(c->io, continue_line)) break;
          parser.continue_sent();
        }
        const auto got = c->io.receive(parser.space());
        if (got.status == transfer::outcome::ended) break;
        if (got.status == transfer::outcome::blocked) {
          if (co_await c->io.readable() == wait_result::aborted) break;
          continue;
        }
        parser.filled(got.bytes);
        read = parser.parse();
      }
      if (read == parse_state::failed) {
        co_await refuse(*c, loop_index, parser.failure_status(), parser.failure_reason());
        break;
      }
      if (read == parse_state::incomplete) {
        if (c->expired && parser.mid_request()) co_await refuse(*c, loop_index, 408, "Request timeout");
        break;
      }
      c->now = phase::handling;
      state.counters.request_started();
      const auto started = std::chrono::steady_clock::now();
      const auto& message = parser.request();
      auto req = handler_view(message);
      req.peer = c->peer;
      later deferred(*contexts[loop_index]);
      auto now = answer_now(req, loop_index, deferred);
      if (!now && deferred.taken()) now = co_await answer_of(deferred.state());
      if (!now) now = internal_error();
      app.decorate(req, *now);
      const auto& res = *now;
      const auto request_id = request_id_of(message, state, own_id);
      const bool keep_alive = message.keep_alive && !stopping.load(std::memory_order_relaxed);
      const bool head_only = req.method == http::verb::head;
      const auto finished = std::chrono::steady_clock::now();
      const double elapsed_ms = std::chrono::duration<double, std::milli>(finished - started).count();
      // Counted before it is sent, so that a client that has its answer finds it counted.
      state.counters.count_request(deferred.route(), req.method, res.status, finished - started);
      write_head(head, res,
                 {.keep_alive = keep_alive,
                  .announce_keep_alive = message.minor_version == 0,
                  .head_only = head_only,
                  .elapsed_ms = elapsed_ms,
                  .date = state.date.at(std::chrono::system_clock::now()),
                  .request_id = request_id});
      const auto body = body_to_send(res, head_only);
      c->allow(options.read_timeout, finished);  // for the write and the next request's read
      c->now = phase::writing;
      // The answer goes out at once when the socket takes it all (the usual case), else through
      // the loop as the client reads.
      std::array<iovec, 2> wire{part_of(head), part_of(body)};
      std::span<iovec> rest(wire);
      bool sent = send_some(c->io, rest);
      if (sent && !rest.empty()) sent = co_await send_rest(c->io, rest);
      state.counters.request_ended();
      if (options.access_log != access_log_format::off) {
        log(state, {.at = std::chrono::system_clock::now(),
                    .request_id = request_id,
                    .method = message.method_name,
                    .target = message.target,
                    .status = res.status,
                    .elapsed_ms = elapsed_ms,
                    .body_bytes = body.size(),
                    .cache_status = cache_status_of(res)});
      }
      if (!sent || !keep_alive) break;
      parser.consume();
    }
    c->finished = true;
    c->watchdog.cancel();
    c->io.end_sending();
  }
#pragma GCC diagnostic pop

  // Past the loop's connection limit a client is told so at once, without a coroutine.
  void turn_away(int fd, unsigned loop_index) {
    auto& state = *loops[loop_index];
    state.counters.count_turned_away();
    const auto wire = refusal(503, "Too many connections", state.date.at(std::chrono::system_clock::now()), 1);
    ::send(fd, wire.data(), wire.size(), MSG_NOSIGNAL);
    ::shutdown(fd, SHUT_WR);
    ::close(fd);
  }

  // Starts serving a connection just accepted (its descriptor), or turns it away.
  void admit(int fd, const sockaddr_storage& from, unsigned loop_index) {
    auto& state = *loops[loop_index];
    if (state.counters.connections() >= options.connections_per_loop) {
      turn_away(fd, loop_index);
      return;
    }
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    auto address = address_of(from);
    std::shared_ptr<connection> c;
    try {
      c = std::make_shared<connection>(*pollers[loop_index], fd, std::move(address));
    } catch (const std::system_error& refused) {  // by epoll; the stream closed the descriptor
      std::fprintf(stderr, "error: connection not watched: %s\n", refused.what());
      return;
    }
    state.counters.connection_opened();
    asio::co_spawn(
        contexts[loop_index]->get_executor(),
        [this, c = std::move(c), loop_index]() mutable -> task<> {
          try {
            co_await serve(std::move(c), loop_index);
          } catch (const std::exception& error) {
            std::fprintf(stderr, "error: connection failed: %s\n", error.what());
          }
          loops[loop_index]->counters.connection_closed();
        },
        asio::detached);
  }

  // Takes up to a batch of the connections waiting on the listener: false when it failed
  // otherwise than by having none left (out of descriptors, say).
  bool accept_batch(acceptor_type& acceptor, unsigned loop_index) {
    for (int taken = 0; taken < 64; ++taken) {
      sockaddr_storage from{};
      socklen_t length = sizeof from;
      const int fd = ::accept4(acceptor.native_handle(), reinterpret_cast<sockaddr*>(&from), &length,
                               SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd >= 0) {
        admit(fd, from, loop_index);
      } else if (errno == EAGAIN) {
        return true;
      } else if (errno != EINTR && errno != ECONNABORTED) {
        return false;
      }
    }
    return true;  // the rest after the loop's other work
  }

  // Accepts connections until the listener closes; after a failure, pauses a little first.
  task<> accept(acceptor_type& acceptor, unsigned loop_index) {
    for (;;) {
      error_code ec;
      co_await acceptor.async_wait(acceptor_type::wait_read, asio::redirect_error(use_task, ec));
      if (ec && (!acceptor.is_open() || ec == asio::error::operation_aborted)) co_return;
      if (!ec && accept_batch(acceptor, loop_index)) continue;
      timer_type pause(acceptor.get_executor(), std::chrono::milliseconds(10));
      co_await pause.async_wait(asio::redirect_error(use_task, ec));
    }
  }

  task<> drain() {
    timer_type tick(contexts.front()->get_executor());
    const auto deadline = std::chrono::steady_clock::now() + options.shutdown_grace;
    const auto busy = [this] {
      return std::any_of(loops.begin(), loops.end(), [](const auto& l) { return l->counters.in_flight() > 0; });
    };
    while (busy() && std::chrono::steady_clock::now() < deadline) {
      tick.expires_after(std::chrono::milliseconds(10));
      error_code ec;
      co_await tick.async_wait(asio::redirect_error(use_task, ec));
    }
    for (auto& context : contexts) context->stop();
  }

  void begin_stop() {
    if (stopping.exchange(true)) return;
    for (std::size_t i = 0; i < acceptors.size(); ++i) {
      asio::post(*contexts[i], [this, i] {
        error_code ignored;
        acceptors[i]->close(ignored);
      });
    }
    asio::co_spawn(*contexts.front(), drain(), asio::detached);
  }
};

server::server(server_options options, application& app) : impl_(std::make_unique<impl>(std::move(options), app)) {
  const auto process_tag = static_cast<std::uint32_t>(std::random_device{}());
  for (unsigned i = 0; i < std::max(1u, impl_->options.threads); ++i) {
    impl_->contexts.push_back(std::make_unique<asio::io_context>(loop_concurrency));
    impl_->loops.push_back(std::make_unique<loop_state>(process_tag, i, impl_->options.routes));
    impl_->pollers.push_back(std::make_unique<poller>(*impl_->contexts.back()));
  }
}

server::~server() = default;

std::uint16_t server::bind() {
  error_code ec;
  const auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) throw std::runtime_error("HOST is not an IP address: " + impl_->options.host);
  std::uint16_t port = impl_->options.port;
  for (auto& context : impl_->contexts) {
    auto acceptor = std::make_unique<acceptor_type>(context->get_executor());
    const tcp::endpoint endpoint(address, port);
    acceptor->open(endpoint.protocol(), ec);
    if (!ec) acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor->set_option(reuse_port(true), ec);
    if (!ec) acceptor->bind(endpoint, ec);
    if (!ec) acceptor->listen(4096, ec);
    if (!ec) acceptor->non_blocking(true, ec);  // its connections are taken by accept4 until none is left
    if (ec) {
      throw std::runtime_error("cannot listen on " + impl_->options.host + ":" + std::to_string(port) + ": " +
                               ec.message());
    }
    port = acceptor->local_endpoint().port();
    impl_->acceptors.push_back(std::move(acceptor));
  }
  return port;
}

void server::run() {
  for (std::size_t i = 0; i < impl_->contexts.size(); ++i) {
    impl_->pollers[i]->start();
    asio::co_spawn(*impl_->contexts[i], impl_->accept(*impl_->acceptors[i], static_cast<unsigned>(i)), asio::detached);
  }
  asio::signal_set signals(*impl_->contexts.front(), SIGINT, SIGTERM);
  signals.async_wait([this](const error_code& ec, int) {
    if (!ec) impl_->begin_stop();
  });
  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < impl_->contexts.size(); ++i) {
    workers.emplace_back([context = impl_->contexts[i].get()] { context->run(); });
  }
  impl_->contexts.front()->run();
  for (auto& worker : workers) worker.join();
}

void server::stop() {
  asio::post(*impl_->contexts.front(), [this] { impl_->begin_stop(); });
}

request_figures server::requests() const {
  request_figures sum;
  for (const auto& loop : impl_->loops) loop->counters.add_to(sum);
  return sum;
}

}  // namespace zomato::net
