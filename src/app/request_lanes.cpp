#include "app/request_lanes.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "cache/response_cache.hpp"
#include "http/principal.hpp"
#include "http/responses.hpp"
#include "net/asio.hpp"

namespace zomato::app {
namespace {

namespace asio = boost::asio;

http::response internal_error() {
  http::response failed;
  failed.status = 500;
  failed.body = R"({"detail":"Internal server error"})";
  return failed;
}

// A 503 that may be sent again in a second.
http::response retry_soon(std::string_view detail) {
  auto refused = http::detail(503, detail);
  refused.headers.emplace_back("retry-after", "1");
  return refused;
}

// A write whose group could not be committed: nothing of it was kept, and it may be sent again.
http::response write_not_kept() { return retry_soon("The database could not keep the write; try again"); }

// A slow read past the read pool's threads and queue.
http::response no_room() { return retry_soon("Service unavailable: the server is busy; try again later"); }

// Runs a handler where nothing catches for it: a throw is a logged 500.
template <class Run>
http::response guarded(const http::request& req, Run&& run) {
  try {
    return run();
  } catch (const std::exception& error) {
    std::fprintf(stderr, "error: unhandled exception on %.*s: %s\n", static_cast<int>(req.path.size()), req.path.data(),
                 error.what());
  } catch (...) {
    std::fprintf(stderr, "error: unhandled exception on %.*s\n", static_cast<int>(req.path.size()), req.path.data());
  }
  return internal_error();
}

// A write's answer goes out once the handler has returned and its writes are durable,
// whichever comes last and on whichever thread.
struct write_job {
  explicit write_job(net::reply r) : done(std::move(r)) {}
  void one_more() {
    if (missing.fetch_sub(1) == 1) done(durable ? std::move(answer) : write_not_kept());
  }
  net::reply done;
  http::response answer;
  bool durable = true;
  std::atomic<int> missing{2};  // the answer and the acknowledgement
};

// How much lower than the loops' the read threads' scheduling priority is (nice): when slow reads
// and the loops want the same cores, the loops get them first.
constexpr int read_niceness = 10;

// Lowers the priority of the calling thread, the first time it asks.
void yield_to_the_loops() {
  thread_local bool lowered = false;
  if (lowered) return;
  ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), read_niceness);
  lowered = true;
}

// A GET of a cached route computed again after its answer went out: its own copy of the target.
struct detached_request {
  explicit detached_request(const http::request& from) : path(from.path), query(from.query) {
    view.path = path;
    view.query = query;
  }
  std::string path;
  std::string query;
  http::request view;
};

}  // namespace

/// A read whose answer comes later; its request lives until the reply is called.
struct request_lanes::pending_read {
  const http::request& req;
  net::loop_ref loop;
  const http::route& target;
  http::params values;
  std::shared_ptr<cache::read_plan> plan;  // null for a route that is not cached
  net::reply done;
};

request_lanes::request_lanes(app::application& app, const config& settings)
    : app_(app),
      writers_(std::make_unique<asio::thread_pool>(settings.write_threads)),
      readers_(std::make_unique<asio::thread_pool>(settings.read_threads)),
      read_threads_(settings.read_threads),
      write_threads_(settings.write_threads),
      read_capacity_(settings.read_threads + settings.read_queue),
      limiter_(settings.rate_limits),
      shared_limits_(settings.redis.has_value()),
      quick_on_loop_(app.database_in_process()),
      pipelines_(std::max(1u, settings.threads)) {}

request_lanes::~request_lanes() {
  writers_->join();
  readers_->join();
}

void request_lanes::finish() {
  readers_->join();
  writers_->join();
  pipelines_.clear();
}

lane_figures request_lanes::figures() const {
  return {read_threads_,     read_capacity_ - read_threads_, reads_taken_.load(), reads_refused_.load(), write_threads_,
          limiter_.figures()};
}

template <class Go>
void request_lanes::when_allowed(limits::bucket_kind kind, const http::request& req, const domain::principal& caller,
                                 net::loop_ref loop, Go&& go, const net::reply& done) {
  if (!limiter_.limits(kind)) return go();
  auto principal = http::principal_of(req, caller);
  if (!shared_limits_) {
    const auto wait = limiter_.take_here(kind, principal);
    if (wait == 0) return go();
    return done(limiter_.refuse(kind, wait));
  }
  const auto command = limiter_.shared_take(kind, principal);
  pipeline_of(loop).call(command, [this, kind, principal = std::move(principal), go = std::forward<Go>(go),
                                   done](std::optional<std::int64_t> shared_wait) mutable {
    const auto wait = limiter_.decide(kind, principal, shared_wait);
    if (wait == 0) return go();
    done(limiter_.refuse(kind, wait));
  });
}

std::optional<http::response> request_lanes::answer(const http::request& req, net::loop_ref loop,
                                                    net::later& deferred) {
  if (req.method == http::verb::get || req.method == http::verb::head) return read(req, loop, deferred);
  return write(req, loop, deferred);
}

http::resolution request_lanes::route(const http::request& req, net::later& deferred) const {
  auto resolved = app_.resolve(req);
  if (resolved.matched) deferred.answered_by(resolved.matched->index);
  return resolved;
}

std::optional<http::response> request_lanes::write(const http::request& req, net::loop_ref loop, net::later& deferred) {
  auto resolved = route(req, deferred);
  if (!resolved.target) return std::move(resolved.failure);
  auto job = std::make_shared<write_job>(deferred.take());
  const auto caller = resolved.values.caller();
  auto run = [this, req, &target = *resolved.target, values = std::move(resolved.values), job]() mutable {
    asio::post(*writers_, [this, req, &target, values = std::move(values), job = std::move(job)] {
      bool asked = false;
      job->answer = guarded(req, [&] {
        auto written = app_.handle_write(req, target, values, [job](bool committed) {
          job->durable = committed;
          job->one_more();
        });
        asked = true;
        return written;
      });
      if (!asked) job->one_more();  // it threw before asking to be acknowledged
      job->one_more();
    });
  };
  when_allowed(limits::bucket_kind::writes, req, caller, loop, std::move(run), job->done);
  return std::nullopt;
}

cache::redis_pipeline& request_lanes::pipeline_of(net::loop_ref loop) {
  auto& pipeline = pipelines_[loop.index];
  if (!pipeline) pipeline = app_.pipeline_on(loop.context);
  return *pipeline;
}

http::response request_lanes::run_route(const http::request& req, const http::route& target,
                                        const http::params& values) const {
  return guarded(req, [&] { return app_.run(req, target, values); });
}

std::optional<http::response> request_lanes::read(const http::request& req, net::loop_ref loop, net::later& deferred) {
  auto resolved = route(req, deferred);
  if (!resolved.target) return std::move(resolved.failure);
  const auto& target = *resolved.target;
  auto& cache = app_.cache();
  auto found = cache.look(req, target, resolved.values);
  if (found.answer) {
    if (found.refresh) refresh(req, target, std::move(resolved.values), found.plan);
    return std::move(*found.answer);
  }
  if (!found.plan && on_loop(target) && !limiter_.limits(limits::bucket_kind::reads)) {
    return run_route(req, target, resolved.values);
  }
  auto pending = std::make_shared<pending_read>(
      pending_read{req, loop, target, std::move(resolved.values), std::move(found.plan), deferred.take()});
  const auto remote = pending->plan ? cache.remote_key(*pending->plan) : std::nullopt;
  if (!remote) {
    compute(pending);
    return std::nullopt;
  }
  pipeline_of(loop).get(*remote, [this, pending](std::optional<cache::entry> stored) {
    auto held = app_.cache().look_found(pending->req, pending->plan, std::move(stored));
    if (held.answer) {
      if (held.refresh) refresh(pending->req, pending->target, pending->values, held.plan);
      return pending->done(std::move(*held.answer));
    }
    compute(pending);
  });
  return std::nullopt;
}

void request_lanes::compute(const std::shared_ptr<pending_read>& pending) {
  when_allowed(
      limits::bucket_kind::reads, pending->req, pending->values.caller(), pending->loop,
      [this, pending] { compute_allowed(pending); }, pending->done);
}

void request_lanes::compute_allowed(const std::shared_ptr<pending_read>& pending) {
  auto& cache = app_.cache();
  if (!pending->plan) {
    if (on_loop(pending->target)) {
      return pending->done(run_route(pending->req, pending->target, pending->values));
    }
    const bool taken =
        run_slow([this, pending] { pending->done(run_route(pending->req, pending->target, pending->values)); });
    if (!taken) pending->done(no_room());
    return;
  }
  if (!cache.lead(*pending->plan, pending->req.if_none_match, pending->done)) return;
  auto work = [this, pending] {
    pending->done(
        app_.cache().finish(pending->req, *pending->plan, run_route(pending->req, pending->target, pending->values)));
  };
  // Storing the answer of a quick route waits on Redis when there is one: then it runs off the loop too.
  if (on_loop(pending->target) && !cache.redis()) return work();
  if (!run_slow(std::move(work))) pending->done(cache.give_up(pending->req, *pending->plan, no_room()));
}

void request_lanes::refresh(const http::request& req, const http::route& target, http::params values,
                            const std::shared_ptr<cache::read_plan>& plan) {
  auto copy = std::make_shared<detached_request>(req);
  auto run = [this, copy, &target, values = std::move(values), plan] {
    app_.cache().finish(copy->view, *plan, run_route(copy->view, target, values));
  };
  if (!run_slow(std::move(run))) app_.cache().give_up(copy->view, *plan, no_room());
}

bool request_lanes::run_slow(std::function<void()> work) {
  if (reads_taken_.fetch_add(1) >= read_capacity_) {
    reads_taken_.fetch_sub(1);
    reads_refused_.fetch_add(1);
    return false;
  }
  asio::post(*readers_, [this, work = std::move(work)] {
    yield_to_the_loops();
    work();
    reads_taken_.fetch_sub(1);
  });
  return true;
}

}  // namespace zomato::app
