#include "app/background.hpp"

#include <algorithm>
#include <cstdio>
#include <list>
#include <mutex>
#include <thread>

#include "net/asio.hpp"

namespace zomato::app {

namespace asio = boost::asio;

struct background::impl {
  asio::io_context context{1};
  asio::executor_work_guard<asio::io_context::executor_type> work = asio::make_work_guard(context);
  std::list<asio::steady_timer> timers;
  mutable std::mutex outcomes_lock;
  std::vector<job_outcomes> outcomes;
  std::thread worker;

  // The outcomes of the kind, listed the first time it is asked for; outcomes_lock held.
  job_outcomes& outcomes_of(const std::string& kind) {
    const auto found =
        std::find_if(outcomes.begin(), outcomes.end(), [&](const job_outcomes& o) { return o.kind == kind; });
    if (found != outcomes.end()) return *found;
    return outcomes.emplace_back(job_outcomes{kind});
  }

  void list(const std::string& kind) {
    std::lock_guard guard(outcomes_lock);
    outcomes_of(kind);
  }

  void run_safely(const std::string& kind, const std::function<void()>& job) {
    bool succeeded = false;
    try {
      job();
      succeeded = true;
    } catch (const std::exception& error) {
      std::fprintf(stderr, "error: background job %s failed: %s\n", kind.c_str(), error.what());
    }
    std::lock_guard guard(outcomes_lock);
    auto& counted = outcomes_of(kind);
    ++(succeeded ? counted.succeeded : counted.failed);
  }

  void arm(asio::steady_timer& timer, const std::string& kind, std::chrono::seconds interval,
           std::function<void()> job) {
    timer.expires_after(interval);
    timer.async_wait([this, &timer, kind, interval, job = std::move(job)](const boost::system::error_code& ec) mutable {
      if (ec) return;
      run_safely(kind, job);
      arm(timer, kind, interval, std::move(job));
    });
  }
};

background::background() : impl_(std::make_unique<impl>()) {
  impl_->worker = std::thread([this] { impl_->context.run(); });
}

background::~background() {
  asio::post(impl_->context, [this] {
    for (auto& timer : impl_->timers) timer.cancel();
    impl_->work.reset();
  });
  impl_->worker.join();
}

void background::post(const std::string& kind, std::function<void()> job) {
  impl_->list(kind);
  asio::post(impl_->context, [this, kind, job = std::move(job)] { impl_->run_safely(kind, job); });
}

void background::every(const std::string& kind, std::chrono::seconds interval, std::function<void()> job) {
  impl_->list(kind);
  asio::post(impl_->context, [this, kind, interval, job = std::move(job)]() mutable {
    impl_->timers.emplace_back(impl_->context);
    impl_->arm(impl_->timers.back(), kind, interval, std::move(job));
  });
}

std::vector<job_outcomes> background::outcomes() const {
  std::lock_guard guard(impl_->outcomes_lock);
  return impl_->outcomes;
}

}  // namespace zomato::app
