#include "app/background.hpp"

#include <cstdio>
#include <list>
#include <thread>

#include "net/asio.hpp"

namespace zomato::app {

namespace asio = boost::asio;

struct background::impl {
  asio::io_context context{1};
  asio::executor_work_guard<asio::io_context::executor_type> work = asio::make_work_guard(context);
  std::list<asio::steady_timer> timers;
  std::thread worker;

  static void run_safely(const std::function<void()>& job) {
    try {
      job();
    } catch (const std::exception& error) {
      std::fprintf(stderr, "error: background job failed: %s\n", error.what());
    }
  }

  void arm(asio::steady_timer& timer, std::chrono::seconds interval, std::function<void()> job) {
    timer.expires_after(interval);
    timer.async_wait([this, &timer, interval, job = std::move(job)](const boost::system::error_code& ec) mutable {
      if (ec) return;
      run_safely(job);
      arm(timer, interval, std::move(job));
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

void background::post(std::function<void()> job) {
  asio::post(impl_->context, [job = std::move(job)] { impl::run_safely(job); });
}

void background::every(std::chrono::seconds interval, std::function<void()> job) {
  asio::post(impl_->context, [this, interval, job = std::move(job)]() mutable {
    impl_->timers.emplace_back(impl_->context);
    impl_->arm(impl_->timers.back(), interval, std::move(job));
  });
}

}  // namespace zomato::app
