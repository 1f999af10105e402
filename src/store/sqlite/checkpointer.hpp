#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "store/sqlite/connection.hpp"

#include "store/database_figures.hpp"

namespace zomato::store::sqlite {

/// When the WAL is copied back into the database file (sizes in 4 KB pages). A cycle starts at
/// about 80 MB (fewer, larger cycles copy a hot page once for more commits: cycles of 16-32 MB
/// cost 10-20 % of the order rate) and the writer copies the last 4 MB itself; the WAL stops at
/// about 120 MB.
struct checkpoint_policy {
  /// WAL size that starts a cycle of the thread's copying passes.
  int pages = 20000;
  /// What the writer copies itself after its commit, finishing a cycle.
  int inline_pages = 1000;
  /// The bound: at this size the writer copies all of it and waits (`reader_wait` at most) for
  /// readers to leave it, so the next write starts the WAL over.
  int limit_pages = 30000;
  std::chrono::milliseconds reader_wait{100};
  /// After this long without a commit (of any process on the file) the WAL file is emptied.
  std::chrono::milliseconds idle{1000};
};

/// Keeps the WAL short without making commits wait: once the WAL has grown past `pages`, a
/// thread of its own copies it back into the database file, pass after pass while the writer
/// goes on; when only a few pages are left, the writer copies those itself after its commit, so
/// the whole WAL is in the file and the next write starts it over. A page rewritten many times
/// between two checkpoints is copied once. Should the WAL reach `limit_pages` all the same
/// (readers kept the passes from finishing), the writer copies it all and waits briefly for the
/// readers; after a write starts the WAL over its file is cut back to `pages`, and once writes
/// stop for `idle` the thread empties it. Other processes may write the file too: the thread
/// empties the WAL only when none of them has committed for `idle` either (its emptying holds
/// back every writer while it waits for readers), and leaves an empty WAL file alone. A reader that keeps one snapshot
/// open for longer than `reader_wait` can still hold the WAL past the limit: nothing can copy past its snapshot.
class checkpointer {
 public:
  checkpointer(const std::string& path, checkpoint_policy policy);
  checkpointer(const checkpointer&) = delete;
  checkpointer& operator=(const checkpointer&) = delete;
  /// Stops the thread; a pass under way finishes first.
  ~checkpointer();

  /// Makes `writer` report its WAL size after each commit, turns its own checkpoints off and
  /// limits the WAL file it leaves after starting the WAL over. Throws as the connection does.
  void watch(connection& writer);

  /// What it has done so far (checkpoints that failed are not counted). Safe from any thread.
  checkpoint_figures figures() const;

 private:
  void after_commit(int pages);
  void run();
  /// Empties the WAL file once no process has committed since the last look, `idle` ago.
  void truncate_when_idle();

  connection db_;
  std::string wal_path_;
  connection* writer_ = nullptr;
  checkpoint_policy policy_;
  // Pages of the current WAL the file holds; the WAL starts over with fewer pages.
  std::atomic<int> copied_{0};
  std::atomic<bool> copying_{false};
  // The file's data_version (which every commit of another connection moves on) at the thread's
  // last look, and when it last emptied the WAL file (-1: never, the file may hold anything).
  std::int64_t seen_version_ = -1;
  std::int64_t emptied_at_ = -1;
  std::atomic<int> wal_pages_{0};
  std::atomic<std::uint64_t> thread_passes_{0};
  std::atomic<std::uint64_t> writer_copies_{0};
  std::atomic<std::uint64_t> full_copies_{0};
  std::atomic<std::uint64_t> truncations_{0};
  // No full copy by the writer before this (after one failed, readers hold the WAL).
  std::atomic<std::chrono::steady_clock::rep> next_full_copy_{0};
  std::mutex lock_;  // held by the thread's passes' bookkeeping, its truncation and the writer's full copy
  std::condition_variable wake_;
  std::condition_variable pass_done_;
  bool due_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace zomato::store::sqlite
