#include "store/sqlite/checkpointer.hpp"

#include <filesystem>
#include <system_error>

namespace zomato::store::sqlite {
namespace {

std::chrono::steady_clock::rep ticks_now() { return std::chrono::steady_clock::now().time_since_epoch().count(); }

std::chrono::steady_clock::rep ticks_of(std::chrono::milliseconds span) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(span).count();
}

}  // namespace

checkpointer::checkpointer(const std::string& path, checkpoint_policy policy)
    : db_(path), wal_path_(path + "-wal"), policy_(policy) {
  // A connection that never read the file does not know it is in WAL mode, and its
  // checkpoints do nothing.
  db_.execute("SELECT COUNT(*) FROM sqlite_master");
  db_.wait_for_locks(policy_.reader_wait);
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
  writer.execute("PRAGMA journal_size_limit = " + std::to_string(std::int64_t{policy_.pages} * 4096));
  writer_ = &writer;
  writer.watch_wal([this](int pages) { after_commit(pages); });
}

checkpoint_figures checkpointer::figures() const {
  return {thread_passes_.load(), writer_copies_.load(), full_copies_.load(), truncations_.load(), wal_pages_.load()};
}

void checkpointer::after_commit(int pages) {
  const auto now = ticks_now();
  wal_pages_.store(pages);
  int copied = copied_.load();
  if (pages < copied) {
    copied = 0;
    copied_.store(0);
  }
  if (pages >= policy_.limit_pages && now >= next_full_copy_.load()) {
    // One checkpoint runs at a time: the thread's pass first, and none starts meanwhile.
    std::unique_lock guard(lock_);
    pass_done_.wait(guard, [this] { return !copying_.load(); });
    writer_->wait_for_locks(policy_.reader_wait);
    try {
      if (writer_->checkpoint_fully(false)) {
        copied_.store(pages);
        full_copies_.fetch_add(1);
        return;
      }
    } catch (const store::failure&) {
      // As below.
    }
    // Readers hold the WAL: commits go on at full speed for a while before the next try.
    next_full_copy_.store(now + ticks_of(policy_.idle));
  }
  if (pages < policy_.pages || copying_.load()) return;
  if (pages - copied <= policy_.inline_pages) {
    try {
      copied_.store(writer_->checkpoint());
      writer_copies_.fetch_add(1);
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

void checkpointer::truncate_when_idle() {
  std::int64_t version = 0;
  try {
    auto row = db_.use("PRAGMA data_version");
    row.next();
    version = row.integer(0);
  } catch (const store::failure&) {
    return;
  }
  const bool quiet = version == seen_version_;
  seen_version_ = version;
  if (!quiet || version == emptied_at_) return;
  // Another process emptied it (which moved this connection's data_version on): emptying it
  // again would move theirs on, and they would empty it back, every other look.
  std::error_code unknown;
  if (std::filesystem::file_size(wal_path_, unknown) == 0) {
    emptied_at_ = version;
    return;
  }
  try {
    // Readers or a writer in the WAL: the next quiet moment tries again.
    if (!db_.checkpoint_fully(true)) return;
  } catch (const store::failure&) {
    return;
  }
  copied_.store(0);
  emptied_at_ = version;
  truncations_.fetch_add(1);
}

void checkpointer::run() {
  std::unique_lock guard(lock_);
  while (true) {
    if (!wake_.wait_for(guard, policy_.idle, [this] { return due_ || stopping_; })) {
      truncate_when_idle();
      continue;
    }
    if (stopping_) return;
    due_ = false;
    guard.unlock();
    try {
      copied_.store(db_.checkpoint());
      thread_passes_.fetch_add(1);
    } catch (const store::failure&) {
      // The next commit over the threshold asks again; the WAL stays complete meanwhile.
    }
    guard.lock();
    copying_.store(false);
    pass_done_.notify_all();
  }
}

}  // namespace zomato::store::sqlite
