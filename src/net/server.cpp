#include "net/server.hpp"

#include <array>
#include <atomic>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "domain/text.hpp"
#include "net/asio.hpp"

namespace zomato::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using reuse_port = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

http::verb verb_of(bhttp::verb method) {
  switch (method) {
    case bhttp::verb::get: return http::verb::get;
    case bhttp::verb::post: return http::verb::post;
    case bhttp::verb::put: return http::verb::put;
    case bhttp::verb::delete_: return http::verb::delete_;
    case bhttp::verb::patch: return http::verb::patch;
    case bhttp::verb::head: return http::verb::head;
    case bhttp::verb::options: return http::verb::options;
    default: return http::verb::other;
  }
}

std::string_view view(beast::string_view text) { return {text.data(), text.size()}; }

http::request view_of(const bhttp::request<bhttp::string_body>& message) {
  http::request req;
  req.method = verb_of(message.method());
  const auto target = view(message.target());
  const auto question = target.find('?');
  req.path = target.substr(0, question);
  req.query = question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);
  req.body = message.body();
  req.content_type = view(message[bhttp::field::content_type]);
  req.cache_control = view(message[bhttp::field::cache_control]);
  req.if_none_match = view(message[bhttp::field::if_none_match]);
  req.idempotency_key = view(message["Idempotency-Key"]);
  return req;
}

// "12.34": milliseconds with two decimals, rounded half up.
void append_milliseconds(std::string& out, double elapsed_ms) {
  const auto hundredths = static_cast<std::size_t>(elapsed_ms * 100.0 + 0.5);
  domain::append_integer(out, hundredths / 100);
  out += '.';
  const auto fraction = hundredths % 100;
  out += static_cast<char>('0' + fraction / 10);
  out += static_cast<char>('0' + fraction % 10);
}

// The status line and headers; the body goes out as a second buffer, as it is.
void serialize(std::string& out, const http::response& res, double elapsed_ms, bool keep_alive) {
  out.clear();
  out += "HTTP/1.1 ";
  domain::append_integer(out, static_cast<std::size_t>(res.status));
  out += ' ';
  out += http::reason(res.status);
  out += "\r\n";
  const bool has_body = res.status != 204 && res.status != 304;
  if (has_body) {
    out += "content-type: ";
    out += res.content_type;
    out += "\r\ncontent-length: ";
    domain::append_integer(out, res.payload().size());
    out += "\r\n";
  }
  out += "x-process-time: ";
  append_milliseconds(out, elapsed_ms);
  out += "ms\r\n";
  for (const auto& [name, value] : res.headers) {
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  if (!keep_alive) out += "connection: close\r\n";
  out += "\r\n";
}

std::array<asio::const_buffer, 2> wire_of(const std::string& head, const http::response& res) {
  const bool has_body = res.status != 204 && res.status != 304;
  const auto body = has_body ? res.payload() : std::string_view{};
  return {asio::buffer(head), asio::buffer(body.data(), body.size())};
}

// The status to answer a request that could not be read, or 0 to just close. Past the
// header limit, a request whose target was never parsed had a too long request line.
int rejection_status(const beast::error_code& ec, const bhttp::request_parser<bhttp::string_body>& parser) {
  if (ec == bhttp::error::body_limit) return 413;
  if (ec == bhttp::error::header_limit) return parser.get().target().empty() ? 414 : 431;
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return 0;
  if (&ec.category() == &bhttp::make_error_code(bhttp::error::bad_target).category()) return 400;
  return 0;
}

const char* rejection_detail(int status) {
  switch (status) {
    case 413: return "{\"detail\":\"Request body too large\"}";
    case 414: return "{\"detail\":\"Request URI too long\"}";
    case 431: return "{\"detail\":\"Request header fields too large\"}";
    default: return "{\"detail\":\"Bad request\"}";
  }
}

// One client connection and the deadline its watchdog enforces: moving the deadline costs
// no system call, unlike re-arming a timer around every read and write.
struct connection {
  explicit connection(tcp::socket accepted) : socket(std::move(accepted)), watchdog(socket.get_executor()) {}
  void allow(std::chrono::seconds span, std::chrono::steady_clock::time_point from = std::chrono::steady_clock::now()) {
    deadline = from + span;
  }

  tcp::socket socket;
  asio::steady_timer watchdog;
  std::chrono::steady_clock::time_point deadline;
  bool finished = false;
};

// Closes the socket once its deadline passes, so idle or trickling clients cannot hold it.
asio::awaitable<void> guard(std::shared_ptr<connection> c) {
  while (!c->finished) {
    c->watchdog.expires_at(c->deadline);
    beast::error_code ec;
    co_await c->watchdog.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (!c->finished && std::chrono::steady_clock::now() >= c->deadline) {
      c->socket.close(ec);
      co_return;
    }
  }
}

// A write run on a blocking thread: its answer goes back to the loop once it has returned
// and what it wrote is durable, whichever comes last and on whichever thread.
template <class Handler>
struct write_job {
  explicit write_job(Handler&& waiting) : handler(std::move(waiting)) {}
  Handler handler;  // resumes the request on its loop; invoked and dropped there only
  http::response answer;
  bool durable = true;
  std::atomic<int> missing{2};  // the answer and the acknowledgement
};

http::response internal_error() {
  http::response failed;
  failed.status = 500;
  failed.body = "{\"detail\":\"Internal server error\"}";
  return failed;
}

}  // namespace

struct server::impl {
  server_options options;
  application app;
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<std::unique_ptr<tcp::acceptor>> acceptors;
  std::unique_ptr<asio::thread_pool> blocking;
  std::unique_ptr<asio::thread_pool> waiting_reads;  // only when reads may wait
  std::atomic<int> in_flight{0};
  std::atomic<bool> stopping{false};

  template <class Run>
  http::response call(const http::request& req, Run&& run) {
    try {
      return run();
    } catch (const std::exception& error) {
      std::fprintf(stderr, "error: unhandled exception on %.*s: %s\n", static_cast<int>(req.path.size()),
                   req.path.data(), error.what());
    } catch (...) {
      std::fprintf(stderr, "error: unhandled exception on %.*s\n", static_cast<int>(req.path.size()), req.path.data());
    }
    return internal_error();
  }

  http::response call(const http::request& req) {
    return call(req, [&] { return app(req); });
  }

  // Runs a write on a blocking thread and resumes on the loop, without blocking it, once
  // the write has answered and what it wrote is durable.
  asio::awaitable<http::response> write(const http::request& req, unsigned loop_index) {
    auto& loop = *contexts[loop_index];
    return asio::async_initiate<const asio::use_awaitable_t<>&, void(http::response)>(
        [this, &req, &loop](auto handler) {
          using job_type = write_job<decltype(handler)>;
          auto job = std::make_shared<job_type>(std::move(handler));
          const auto one_more_done = [&loop](const std::shared_ptr<job_type>& done) {
            if (done->missing.fetch_sub(1) != 1) return;
            asio::post(loop, [done] {
              auto resume = std::move(done->handler);
              resume(done->durable ? std::move(done->answer) : internal_error());
            });
          };
          asio::post(*blocking, [this, &req, job, one_more_done] {
            bool returned = false;
            job->answer = call(req, [&] {
              auto written = options.write(req, [job, one_more_done](bool committed) {
                job->durable = committed;
                one_more_done(job);
              });
              returned = true;
              return written;
            });
            if (!returned) one_more_done(job);  // it threw before asking to be acknowledged
            one_more_done(job);
          });
        },
        asio::use_awaitable);
  }

  asio::awaitable<void> reject(connection& c, int status) {
    http::response res;
    res.status = status;
    res.body = rejection_detail(status);
    std::string wire;
    serialize(wire, res, 0.0, false);
    beast::error_code ec;
    c.allow(options.read_timeout);
    co_await asio::async_write(c.socket, wire_of(wire, res), asio::redirect_error(asio::use_awaitable, ec));
  }

  // What answer_on_loop made of a read: whether it asked the remote cache, and the answer
  // when the cache had one.
  struct loop_outcome {
    bool asked = false;
    std::optional<http::response> answer;
  };

  // A read that waits on a remote cache: answered on the loop when answer_on_loop can, else
  // on a thread of its own (told that the remote cache, when it was asked, had nothing).
  asio::awaitable<http::response> remote_read(http::request& req, unsigned loop_index) {
    if (options.answer_on_loop) {
      auto& loop = *contexts[loop_index];
      auto outcome = co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(loop_outcome)>(
          [this, &req, &loop, loop_index](auto handler) {
            auto waiting = std::make_shared<decltype(handler)>(std::move(handler));
            const bool asked =
                options.answer_on_loop(req, loop, loop_index, [waiting](std::optional<http::response> found) {
                  (*waiting)(loop_outcome{true, std::move(found)});
                });
            if (!asked) asio::post(loop, [waiting] { (*waiting)(loop_outcome{}); });
          },
          asio::use_awaitable);
      if (outcome.answer) co_return std::move(*outcome.answer);
      req.remote_cache_missed = outcome.asked;
    }
    co_return co_await asio::co_spawn(
        *waiting_reads, [this, &req]() -> asio::awaitable<http::response> { co_return call(req); },
        asio::use_awaitable);
  }

  asio::awaitable<void> serve(tcp::socket socket, unsigned loop_index) {
    auto c = std::make_shared<connection>(std::move(socket));
    c->allow(options.read_timeout);
    asio::co_spawn(c->socket.get_executor(), guard(c), asio::detached);
    beast::flat_buffer buffer;
    std::string wire;
    for (;;) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.body_limit(options.body_limit);
      parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
      beast::error_code ec;
      co_await bhttp::async_read(c->socket, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (const int status = rejection_status(ec, parser)) co_await reject(*c, status);
        break;
      }
      ++in_flight;
      const auto started = std::chrono::steady_clock::now();
      const auto& message = parser.get();
      auto req = view_of(message);
      http::response res;
      if (req.method != http::verb::get && req.method != http::verb::head) {
        res = co_await write(req, loop_index);
      } else if (waiting_reads && options.read_may_wait(req)) {
        res = co_await remote_read(req, loop_index);
      } else {
        res = call(req);
      }
      const bool keep_alive = message.keep_alive() && !stopping.load(std::memory_order_relaxed);
      const auto finished = std::chrono::steady_clock::now();
      const double elapsed_ms = std::chrono::duration<double, std::milli>(finished - started).count();
      serialize(wire, res, elapsed_ms, keep_alive);
      c->allow(options.read_timeout, finished);  // for the write and the next request's read
      co_await asio::async_write(c->socket, wire_of(wire, res), asio::redirect_error(asio::use_awaitable, ec));
      --in_flight;
      if (options.access_log) {
        std::fprintf(stdout, "%.*s %.*s %d %.2fms\n", static_cast<int>(http::verb_name(req.method).size()),
                     http::verb_name(req.method).data(), static_cast<int>(message.target().size()),
                     message.target().data(), res.status, elapsed_ms);
      }
      if (ec || !keep_alive) break;
    }
    c->finished = true;
    c->watchdog.cancel();
    beast::error_code ignored;
    c->socket.shutdown(tcp::socket::shutdown_send, ignored);
  }

  asio::awaitable<void> accept(tcp::acceptor& acceptor, unsigned loop_index) {
    for (;;) {
      beast::error_code ec;
      tcp::socket socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (!acceptor.is_open() || ec == asio::error::operation_aborted) co_return;
        asio::steady_timer pause(acceptor.get_executor(), std::chrono::milliseconds(10));
        co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      asio::co_spawn(
          acceptor.get_executor(),
          [this, s = std::move(socket), loop_index]() mutable -> asio::awaitable<void> {
            try {
              co_await serve(std::move(s), loop_index);
            } catch (const std::exception& error) {
              std::fprintf(stderr, "error: connection failed: %s\n", error.what());
            }
          },
          asio::detached);
    }
  }

  asio::awaitable<void> drain() {
    asio::steady_timer tick(*contexts.front());
    const auto deadline = std::chrono::steady_clock::now() + options.shutdown_grace;
    while (in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
      tick.expires_after(std::chrono::milliseconds(10));
      beast::error_code ec;
      co_await tick.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    for (auto& context : contexts) context->stop();
  }

  void begin_stop() {
    if (stopping.exchange(true)) return;
    for (std::size_t i = 0; i < acceptors.size(); ++i) {
      asio::post(*contexts[i], [this, i] {
        beast::error_code ignored;
        acceptors[i]->close(ignored);
      });
    }
    asio::co_spawn(*contexts.front(), drain(), asio::detached);
  }
};

server::server(server_options options, application app) : impl_(std::make_unique<impl>()) {
  impl_->options = std::move(options);
  impl_->app = std::move(app);
  if (!impl_->options.write) {
    impl_->options.write = [impl = impl_.get()](const http::request& req,
                                                const std::function<void(bool)>& acknowledge) {
      auto answer = impl->app(req);
      acknowledge(true);
      return answer;
    };
  }
  impl_->blocking = std::make_unique<asio::thread_pool>(std::max(1u, impl_->options.blocking_threads));
  if (impl_->options.read_may_wait) {
    impl_->waiting_reads = std::make_unique<asio::thread_pool>(std::max(1u, impl_->options.blocking_threads));
  }
  for (unsigned i = 0; i < std::max(1u, impl_->options.threads); ++i) {
    impl_->contexts.push_back(std::make_unique<asio::io_context>(1));
  }
}

server::~server() = default;

std::uint16_t server::bind() {
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) throw std::runtime_error("HOST is not an IP address: " + impl_->options.host);
  std::uint16_t port = impl_->options.port;
  for (auto& context : impl_->contexts) {
    auto acceptor = std::make_unique<tcp::acceptor>(*context);
    const tcp::endpoint endpoint(address, port);
    acceptor->open(endpoint.protocol(), ec);
    if (!ec) acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor->set_option(reuse_port(true), ec);
    if (!ec) acceptor->bind(endpoint, ec);
    if (!ec) acceptor->listen(4096, ec);
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
    asio::co_spawn(*impl_->contexts[i], impl_->accept(*impl_->acceptors[i], static_cast<unsigned>(i)), asio::detached);
  }
  asio::signal_set signals(*impl_->contexts.front(), SIGINT, SIGTERM);
  signals.async_wait([this](const beast::error_code& ec, int) {
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

}  // namespace zomato::net
