#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

/// Keeps the WAL short without making commits wait: once the WAL has grown past a number of
/// pages, a thread of its own copies it back into the database file, pass after pass while
/// the writer goes on; when only a few pages are left, the writer copies those itself after
/// its commit, so the whole WAL is in the file and the next write starts it over (so does the
/// writer when the WAL reaches three times the threshold: the thread is not keeping up). A
/// page rewritten many times between two checkpoints is copied once.
class checkpointer {
 public:
  /// `pages`: WAL size that starts a cycle; `inline_pages`: what the writer copies itself.
  checkpointer(const std::string& path, int pages, int inline_pages);
  checkpointer(const checkpointer&) = delete;
  checkpointer& operator=(const checkpointer&) = delete;
  /// Stops the thread; a pass under way finishes first.
  ~checkpointer();

  /// Makes `writer` report its WAL size after each commit, and turns its own checkpoints off.
  void watch(connection& writer);

 private:
  void after_commit(int pages);
  void run();

  connection db_;
  connection* writer_ = nullptr;
  int threshold_;
  int inline_pages_;
  // Pages of the current WAL the file holds; the WAL starts over with fewer pages.
  std::atomic<int> copied_{0};
  std::atomic<bool> copying_{false};
  std::mutex lock_;
  std::condition_variable wake_;
  bool due_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace zomato::store::sqlite
