#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

/// Copies the WAL back into the database file on its own thread and connection each time the
/// WAL has grown by a number of pages, so no commit waits for a checkpoint. A page rewritten
/// many times between two checkpoints is copied once.
class checkpointer {
 public:
  checkpointer(const std::string& path, int pages);
  checkpointer(const checkpointer&) = delete;
  checkpointer& operator=(const checkpointer&) = delete;
  /// Stops the thread; a checkpoint under way finishes first.
  ~checkpointer();

  /// Makes `writer` report its WAL size after each commit, and turns its own checkpoints off.
  void watch(connection& writer);

 private:
  static void wal_grew(void* self, int pages);
  void run();

  connection db_;
  int threshold_;
  // WAL pages at the last checkpoint; the WAL starts over (fewer pages) once all were copied.
  std::atomic<int> checkpointed_at_{0};
  std::mutex lock_;
  std::condition_variable wake_;
  bool due_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace zomato::store::sqlite
