#include "store/sqlite/checkpointer.hpp"

namespace zomato::store::sqlite {

checkpointer::checkpointer(const std::string& path, int pages, int inline_pages)
    : db_(path), threshold_(pages), inline_pages_(inline_pages) {
  // A connection that never read the file does not know it is in WAL mode, and its
  // checkpoints do nothing.
  db_.execute("SELECT COUNT(*) FROM sqlite_master");
  thread_ = std::thread([this] { run(); });
}

checkpointer::~checkpointer() {
  {
    std::lock_guard guard(lock_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void checkpointer::watch(connection& writer) {
  writer_ = &writer;
  writer.watch_wal([this](int pages) { after_commit(pages); });
}

void checkpointer::after_commit(int pages) {
  int copied = copied_.load();
  if (pages < copied) {
    copied = 0;
    copied_.store(0);
  }
  if (pages < threshold_) return;
  // Past three times the threshold the thread is not keeping up: the writer finishes the job.
  const bool falling_behind = pages >= 3 * threshold_;
  if (copying_.load() && !falling_behind) return;
  if (pages - copied <= inline_pages_ || falling_behind) {
    try {
      copied_.store(writer_->checkpoint());
    } catch (const store::failure&) {
      // The commit stands; the next one tries again.
    }
    return;
  }
  copying_.store(true);
  {
    std::lock_guard guard(lock_);
    due_ = true;
  }
  wake_.notify_one();
}

void checkpointer::run() {
  std::unique_lock guard(lock_);
  while (true) {
    wake_.wait(guard, [this] { return due_ || stopping_; });
    if (stopping_) return;
    due_ = false;
    guard.unlock();
    try {
      copied_.store(db_.checkpoint());
    } catch (const store::failure&) {
      // The next commit over the threshold asks again; the WAL stays complete meanwhile.
    }
    copying_.store(false);
    guard.lock();
  }
}

}  // namespace zomato::store::sqlite
