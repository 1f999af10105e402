#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"
#include "store/sqlite/checkpointer.hpp"

namespace zomato::store::sqlite {

class pooled_session;

/// The SQLite store: one writer connection behind a queue and a pool of reader
/// connections, all on one file in WAL mode. Migrations run when it opens. The WAL is
/// copied back into the file by a checkpointer thread, never inside a commit.
///
/// Writes are group-committed: each write session is a savepoint inside the writer's open
/// transaction; commit() releases it and hands back a ticket for the group, which the last
/// writer of the group (no other one queued, or the group full) COMMITs. A session dropped
/// without commit() rolls back only its own savepoint. When SQLite rolls the whole
/// transaction back after a failure, the group fails at once.
///
/// A write waits at most `busy_timeout` in all for the lock another process holds (the time
/// it queued for the writer counts), then fails as store::unavailable (busy).
class database final : public store::database {
 public:
  /// Opens (creating if needed) the file and migrates it; other processes may open it at the same
  /// time (each migration is applied once), and opening waits up to a minute for the write lock
  /// one of them holds. Throws sqlite::error or store::unavailable on failure.
  explicit database(std::string path, std::chrono::milliseconds busy_timeout = std::chrono::seconds(2));
  ~database() override;

  session_lease read() override;
  session_lease write() override;
  std::optional<store::unavailable_reason> unwritable() override;

  void when_durable(commit_ticket ticket, std::function<void(bool kept)> done) override;

  database_figures figures() const override;
  bool answers_in_process() const override { return true; }

 private:
  friend class pooled_session;

  /// The commit of the current write session: releases its savepoint and, when no other
  /// writer is queued (or the group is full), COMMITs the group at once; throws what made that
  /// COMMIT fail (store::unavailable when it may pass). Otherwise the group stays open for the
  /// next writer and the ticket names it.
  commit_ticket commit_member();
  void open_group(std::chrono::steady_clock::time_point deadline);
  /// COMMITs the open group; what made the COMMIT fail, or null. Its waiters are told once
  /// the writer is released.
  std::exception_ptr finish_group();
  /// What made a finished group fail, or null when it committed; group_lock_ held.
  std::exception_ptr failure_of(std::uint64_t group) const;
  /// Ends the open group with this outcome (null: committed); its waiters are told by
  /// release_writer(), so none runs with the writer held.
  void end_group(const std::exception_ptr& failure);
  /// Unlocks the writer, then tells the waiters of the group that ended under it.
  void release_writer();
  /// After a member failed or gave up: notes a failure that may pass, and fails the group at
  /// once when SQLite has rolled its transaction back.
  void settle_member();
  /// One write of a row to see whether writes succeed again; the failure's reason, or nullopt.
  std::optional<store::unavailable_reason> probe_write();
  static void give_back_reader(void* owner, session* released, std::uint64_t lease);
  static void give_back_writer(void* owner, session* released, std::uint64_t lease);

  std::string path_;
  std::chrono::milliseconds busy_timeout_;
  std::unique_ptr<checkpointer> checkpoints_;
  std::unique_ptr<pooled_session> writer_;
  std::mutex writer_lock_;
  std::atomic<int> waiting_{0};
  bool group_open_ = false;
  int members_ = 0;
  std::uint64_t started_groups_ = 0;
  std::uint64_t current_group_ = 0;
  // The lease of the write session that holds the writer with its savepoint open (0: none);
  // leases are numbered from 1 and never reused.
  std::atomic<std::uint64_t> open_lease_{0};
  std::uint64_t leases_ = 0;
  std::mutex group_lock_;
  std::uint64_t finished_group_ = 0;
  // The last groups that failed, oldest first, with what made them fail; groups up to
  // forgotten_through_ have fallen out of that list and are reported as not kept.
  std::vector<std::pair<std::uint64_t, std::exception_ptr>> failed_groups_;
  std::uint64_t forgotten_through_ = 0;
  std::vector<std::function<void(bool)>> durable_waiters_;  // of the open group
  // The waiters of the group that ended under the writer lock, with its outcome; writer lock.
  std::vector<std::function<void(bool)>> untold_;
  bool untold_kept_ = false;
  // The outcome of the last write that reached the database: -1 it committed, else the
  // store::unavailable_reason it failed with; and when unwritable() last probed.
  std::atomic<int> write_outcome_{-1};
  std::atomic<std::chrono::steady_clock::rep> last_probe_{0};
  mutable std::mutex readers_lock_;
  std::vector<std::unique_ptr<pooled_session>> idle_readers_;
  std::atomic<std::int64_t> busy_readers_{0};
  // Counted as groups end, under the writer lock.
  std::array<std::atomic<std::uint64_t>, group_size_bounds.size() + 1> group_sizes_{};
  std::atomic<std::uint64_t> group_members_{0};
  std::atomic<std::uint64_t> failed_group_count_{0};
};

}  // namespace zomato::store::sqlite
