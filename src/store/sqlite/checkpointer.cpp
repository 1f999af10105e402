#include "store/sqlite/checkpointer.hpp"

namespace zomato::store::sqlite {

checkpointer::checkpointer(const std::string& path, int pages)
    : db_(path), threshold_(pages), thread_([this] { run(); }) {}

checkpointer::~checkpointer() {
  {
    std::lock_guard guard(lock_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void checkpointer::watch(connection& writer) { writer.watch_wal(&checkpointer::wal_grew, this); }

void checkpointer::wal_grew(void* self, int pages) {
  auto* owner = static_cast<checkpointer*>(self);
  const int before = owner->checkpointed_at_.load(std::memory_order_relaxed);
  const int grown = pages >= before ? pages - before : pages;
  if (grown < owner->threshold_) return;
  {
    std::lock_guard guard(owner->lock_);
    owner->due_ = true;
  }
  owner->wake_.notify_one();
}

void checkpointer::run() {
  std::unique_lock guard(lock_);
  while (true) {
    wake_.wait(guard, [this] { return due_ || stopping_; });
    if (stopping_) return;
    due_ = false;
    guard.unlock();
    try {
      checkpointed_at_.store(db_.checkpoint(), std::memory_order_relaxed);
    } catch (const error&) {
      // The next commit over the threshold asks again; the WAL stays complete meanwhile.
    }
    guard.lock();
  }
}

}  // namespace zomato::store::sqlite
