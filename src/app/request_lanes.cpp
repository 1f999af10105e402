#include "app/request_lanes.hpp"

#include <atomic>
#include <cstdio>

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

// A write whose group could not be committed: nothing of it was kept, and it may be sent again.
http::response write_not_kept() {
  http::response refused;
  refused.status = 503;
  refused.body = R"({"detail":"The database could not keep the write; try again"})";
  refused.headers.emplace_back("retry-after", "1");
  return refused;
}

// Runs a handler off the loop, where nothing catches for it: a throw is a logged 500.
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

}  // namespace

request_lanes::request_lanes(app::application& app, const config& settings)
    : app_(app),
      writers_(std::make_unique<asio::thread_pool>(settings.write_threads)),
      pipelines_(std::max(1u, settings.threads)) {
  if (settings.redis && !settings.cache_memory) readers_ = std::make_unique<asio::thread_pool>(settings.write_threads);
}

request_lanes::~request_lanes() {
  writers_->join();
  if (readers_) readers_->join();
}

void request_lanes::close_pipelines() { pipelines_.clear(); }

std::optional<http::response> request_lanes::answer(const http::request& req, net::loop_ref loop,
                                                    net::later& deferred) {
  if (req.method != http::verb::get && req.method != http::verb::head) {
    write(req, deferred.take());
    return std::nullopt;
  }
  if (readers_ && app_.reads_remote_cache(req)) {
    remote_read(req, loop, deferred.take());
    return std::nullopt;
  }
  return app_.handle(req);
}

void request_lanes::write(const http::request& req, net::reply done) {
  auto job = std::make_shared<write_job>(std::move(done));
  asio::post(*writers_, [this, req, job] {
    bool asked = false;
    job->answer = guarded(req, [&] {
      auto written = app_.handle_write(req, [job](bool committed) {
        job->durable = committed;
        job->one_more();
      });
      asked = true;
      return written;
    });
    if (!asked) job->one_more();  // it threw before asking to be acknowledged
    job->one_more();
  });
}

void request_lanes::remote_read(const http::request& req, net::loop_ref loop, net::reply done) {
  auto& pipeline = pipelines_[loop.index];
  if (!pipeline) pipeline = app_.pipeline_on(loop.context);
  const bool asked = app_.answer_from_remote(req, *pipeline, [this, req, done](std::optional<http::response> found) {
    if (found) return done(std::move(*found));
    auto missed = req;
    missed.fast_path_tried = true;
    read_on_thread(missed, done);
  });
  if (!asked) read_on_thread(req, std::move(done));
}

void request_lanes::read_on_thread(http::request req, net::reply done) {
  asio::post(*readers_, [this, req, done = std::move(done)] { done(guarded(req, [&] { return app_.handle(req); })); });
}

}  // namespace zomato::app
