#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace zomato::store::sqlite {

class pooled_session;
class checkpointer;

/// The SQLite store: one writer connection behind a queue and a pool of reader
/// connections, all on one file in WAL mode. Migrations run when it opens. The WAL is
/// copied back into the file by a checkpointer thread, never inside a commit.
///
/// Writes are group-committed: each write session is a savepoint inside the writer's open
/// transaction, and commit() returns once that transaction is committed — at once when no
/// other writer is queued (or the group is full), else when the last writer of the group
/// commits it. A session dropped without commit() rolls back only its own savepoint.
class database final : public store::database {
 public:
  /// Opens (creating if needed) the file and migrates it. Throws sqlite::error on failure.
  explicit database(std::string path);
  ~database() override;

  session_lease read() override;
  session_lease write() override;

  /// The commit of the current write session (see above); throws error if the group's
  /// COMMIT fails.
  void commit_member();

  /// While one lives on a thread, a write session's commit() there returns as soon as its
  /// savepoint is released, without waiting for the group's COMMIT (the thread can take
  /// the next request, and the group grows); when_durable() tells when it is durable.
  class deferral {
   public:
    deferral();
    ~deferral();
    deferral(const deferral&) = delete;
    deferral& operator=(const deferral&) = delete;
  };
  /// Calls `done` once what this thread committed under a deferral is durable: at once when
  /// it committed nothing or its group has committed, else right after the group's COMMIT,
  /// on the thread that runs it. `done(false)`: the COMMIT failed and the writes are lost.
  void when_durable(std::function<void(bool committed)> done);

 private:
  /// COMMITs the open group and wakes its members; false when the COMMIT failed.
  bool finish_group();
  static void give_back_reader(void* owner, session* released);
  static void give_back_writer(void* owner, session* released);

  std::string path_;
  std::unique_ptr<checkpointer> checkpoints_;
  std::unique_ptr<pooled_session> writer_;
  std::mutex writer_lock_;
  std::atomic<int> waiting_{0};
  bool group_open_ = false;
  int members_ = 0;
  std::uint64_t started_groups_ = 0;
  std::uint64_t current_group_ = 0;
  std::mutex group_lock_;
  std::condition_variable group_done_;
  std::uint64_t finished_group_ = 0;
  std::uint64_t failed_group_ = 0;
  std::vector<std::function<void(bool)>> durable_waiters_;  // of the open group
  std::mutex readers_lock_;
  std::vector<std::unique_ptr<pooled_session>> idle_readers_;
};

}  // namespace zomato::store::sqlite
