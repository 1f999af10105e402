#include "cache/redis_pipeline.hpp"

#include <hiredis.h>

#include <array>
#include <deque>
#include <iterator>
#include <string_view>

#include "cache/redis_backend.hpp"
#include "domain/text.hpp"
#include "net/asio.hpp"

namespace zomato::cache {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using clock = std::chrono::steady_clock;

// A command in RESP: an array of bulk strings.
template <class Words>
void append_command(std::string& out, const Words& words) {
  out += '*';
  domain::append_integer(out, std::size(words));
  out += "\r\n";
  for (const std::string_view word : words) {
    out += '$';
    domain::append_integer(out, word.size());
    out += "\r\n";
    out += word;
    out += "\r\n";
  }
}

struct reply_deleter {
  void operator()(redisReply* reply) const { freeReplyObject(reply); }
};
using reply_ptr = std::unique_ptr<redisReply, reply_deleter>;

struct reader_deleter {
  void operator()(redisReader* reader) const { redisReaderFree(reader); }
};
using reader_ptr = std::unique_ptr<redisReader, reader_deleter>;

}  // namespace

struct redis_pipeline::state : std::enable_shared_from_this<state> {
  // A command whose reply is awaited (null: none came); without `done` it is AUTH or SELECT of a
  // new connection.
  struct waiting {
    std::function<void(const redisReply*)> done;
    clock::time_point asked;
  };
  enum class phase { closed, connecting, open };

  state(asio::io_context& context, redis_backend& owner)
      : loop(context), backend(owner), socket(context), resolver(context), timer(context) {}

  template <class Words>
  void send(const Words& words, std::function<void(const redisReply*)> done) {
    if (!backend.available()) {
      asio::post(loop, [done = std::move(done)] { done(nullptr); });
      return;
    }
    append_command(queued, words);
    pending.push_back({std::move(done), clock::now()});
    watch();
    if (now == phase::closed) connect();
    if (now == phase::open) schedule_flush();
  }

  void connect() {
    now = phase::connecting;
    ++connection;
    reader.reset(redisReaderCreate());
    const auto& settings = backend.settings();
    std::string setup;
    std::deque<waiting> replies;
    if (!settings.password.empty()) {
      append_command(setup, std::array<std::string_view, 2>{"AUTH", settings.password});
      replies.push_back({{}, clock::now()});
    }
    if (settings.database != 0) {
      append_command(setup, std::array<std::string, 2>{"SELECT", std::to_string(settings.database)});
      replies.push_back({{}, clock::now()});
    }
    queued.insert(0, setup);
    pending.insert(pending.begin(), replies.begin(), replies.end());
    resolver.async_resolve(settings.host, std::to_string(settings.port),
                           [self = shared_from_this(), id = connection](const boost::system::error_code& ec,
                                                                        const tcp::resolver::results_type& found) {
                             if (id != self->connection) return;
                             if (ec) return self->reset("cannot resolve the Redis host: " + ec.message());
                             asio::async_connect(
                                 self->socket, found,
                                 [self, id](const boost::system::error_code& error, const tcp::endpoint&) {
                                   if (id != self->connection) return;
                                   if (error) return self->reset("cannot connect to Redis: " + error.message());
                                   boost::system::error_code ignored;
                                   self->socket.set_option(tcp::no_delay(true), ignored);
                                   self->now = phase::open;
                                   self->read();
                                   self->schedule_flush();
                                 });
                           });
  }

  // Commands asked during this turn of the loop go out together once it ends.
  void schedule_flush() {
    if (flush_posted || writing) return;
    flush_posted = true;
    asio::post(loop, [self = shared_from_this(), id = connection] {
      self->flush_posted = false;
      if (id == self->connection) self->flush();
    });
  }

  void flush() {
    if (writing || queued.empty() || now != phase::open) return;
    auto out = std::make_shared<std::string>(std::move(queued));
    queued.clear();
    writing = true;
    asio::async_write(
        socket, asio::buffer(*out),
        [self = shared_from_this(), out, id = connection](const boost::system::error_code& ec, std::size_t) {
          if (id != self->connection) return;
          self->writing = false;
          if (ec) return self->reset("cannot write to Redis: " + ec.message());
          self->flush();
        });
  }

  void read() {
    socket.async_read_some(asio::buffer(input), [self = shared_from_this(), id = connection](
                                                    const boost::system::error_code& ec, std::size_t size) {
      if (id != self->connection) return;
      if (ec) return self->reset("Redis closed the connection: " + ec.message());
      if (redisReaderFeed(self->reader.get(), self->input.data(), size) != REDIS_OK) {
        return self->reset("unreadable reply from Redis");
      }
      for (;;) {
        void* raw = nullptr;
        if (redisReaderGetReply(self->reader.get(), &raw) != REDIS_OK)
          return self->reset("unreadable reply from Redis");
        if (!raw) break;
        if (!self->answer(reply_ptr(static_cast<redisReply*>(raw)))) return;
        if (id != self->connection) return;
      }
      self->read();
    });
  }

  // Hands a reply to the oldest waiting command; false when it ended the connection.
  bool answer(reply_ptr reply) {
    if (pending.empty()) {
      reset("a reply from Redis nobody asked for");
      return false;
    }
    if (reply->type == REDIS_REPLY_ERROR) {
      reset(std::string(reply->str, reply->len));
      return false;
    }
    auto waiter = std::move(pending.front());
    pending.pop_front();
    if (waiter.done) waiter.done(reply.get());
    return true;
  }

  clock::time_point oldest_deadline() const { return pending.front().asked + backend.settings().timeout; }

  // Keeps a timer on the oldest waiting command: past the timeout, Redis is given up on.
  void watch() {
    if (watching || pending.empty()) return;
    watching = true;
    timer.expires_at(oldest_deadline());
    timer.async_wait([self = shared_from_this(), id = ++watch_id](const boost::system::error_code& ec) {
      if (id != self->watch_id) return;
      self->watching = false;
      if (ec || self->pending.empty()) return;
      if (clock::now() >= self->oldest_deadline()) {
        return self->reset("Redis did not answer in time");
      }
      self->watch();
    });
  }

  // Closes the connection; handlers still under way for it stand down.
  void close() {
    ++connection;
    ++watch_id;
    boost::system::error_code ignored;
    timer.cancel();
    resolver.cancel();
    socket.close(ignored);
  }

  // Ends the connection after a failure: every waiting caller hears "nothing".
  void reset(const std::string& why) {
    backend.report_failure(why);
    close();
    now = phase::closed;
    writing = false;
    watching = false;
    queued.clear();
    auto abandoned = std::move(pending);
    pending.clear();
    for (auto& waiter : abandoned) {
      if (waiter.done) waiter.done(nullptr);
    }
  }

  asio::io_context& loop;
  redis_backend& backend;
  tcp::socket socket;
  tcp::resolver resolver;
  asio::steady_timer timer;
  reader_ptr reader;
  phase now = phase::closed;
  std::uint64_t connection = 0;  // moves on with every connection, so handlers of older ones stand down
  std::uint64_t watch_id = 0;
  std::string queued;  // commands not written yet
  std::deque<waiting> pending;
  bool flush_posted = false;
  bool writing = false;
  bool watching = false;
  std::array<char, std::size_t{64} * 1024> input{};
};

redis_pipeline::redis_pipeline(asio::io_context& loop, redis_backend& backend)
    : state_(std::make_shared<state>(loop, backend)) {}

redis_pipeline::~redis_pipeline() {
  try {
    state_->close();
  } catch (const boost::system::system_error&) {
    // Cancelling the timer of a loop that is going away has nothing left to tell anyone.
  }
}

void redis_pipeline::get(const std::string& key, std::function<void(std::optional<entry>)> done) {
  state_->send(std::array<std::string_view, 2>{"GET", key}, [done = std::move(done)](const redisReply* reply) {
    done(reply && reply->type == REDIS_REPLY_STRING ? entry_from_stored({reply->str, reply->len}) : std::nullopt);
  });
}

void redis_pipeline::call(const std::vector<std::string>& words,
                          std::function<void(std::optional<std::int64_t>)> done) {
  state_->send(words, [done = std::move(done)](const redisReply* reply) {
    done(reply && reply->type == REDIS_REPLY_INTEGER ? std::optional<std::int64_t>(reply->integer) : std::nullopt);
  });
}

}  // namespace zomato::cache
