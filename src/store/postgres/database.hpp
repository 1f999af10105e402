#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace zomato::store::postgres {

class pooled_session;

/// Where PostgreSQL is and how long the store waits for it.
struct database_settings {
  /// A libpq URL: postgresql://user[:password]@host[:port]/db[?sslmode=...].
  std::string url;
  /// Connections at most, readers and writers together.
  std::size_t pool_size = 16;
  std::chrono::milliseconds connect_timeout{2000};
  /// Longest a statement runs before PostgreSQL cancels it.
  std::chrono::milliseconds statement_timeout{10000};
  /// Longest a session waits for a free connection, and a write for the write lock.
  std::chrono::milliseconds busy_timeout{2000};
};

/// The PostgreSQL store: a bounded pool of blocking libpq connections, shared by readers and
/// writers, on a database that many server processes may share. Migrations run when it opens
/// (one process migrates, the others wait for it).
///
/// A read session is a REPEATABLE READ READ ONLY transaction: one snapshot. A write session is a
/// transaction that first takes one advisory lock, the same in every process: writes are
/// serialized across all the nodes, as SQLite serializes them, so that the rules the services
/// check before they write (a unique name, a status changed from the one read) hold as they do
/// on SQLite. COMMIT returns once the writes are durable (synchronous_commit on), so every
/// ticket is durable at once. A connection that failed is dropped; the next session opens a
/// new one, so the pool reconnects by itself once the server is back.
class database final : public store::database {
 public:
  /// Connects, and migrates the database. Throws store::unavailable when PostgreSQL cannot be
  /// reached, store::failure when a migration fails.
  explicit database(database_settings settings);
  ~database() override;

  session_lease read() override;
  session_lease write() override;
  void when_durable(commit_ticket ticket, std::function<void(bool kept)> done) override;
  std::optional<store::unavailable_reason> unwritable() override;
  database_figures figures() const override;
  bool answers_in_process() const override { return false; }

 private:
  friend class pooled_session;

  struct taken {
    std::unique_ptr<pooled_session> session;
    bool reused;  // an idle one of the pool, not a new connection
  };
  /// An idle connection, or a new one while the pool has room; waits for one to come back
  /// until `deadline`. Throws store::unavailable (busy) past it, (io) when connecting fails.
  taken take(std::chrono::steady_clock::time_point deadline);
  /// A session with its transaction opened by `begin`. A pooled connection the server dropped
  /// while it was idle (a restart) fails at once: it is dropped and the next one tried, so the
  /// first sessions after a restart do not fail for it. Throws what take() and BEGIN throw.
  std::unique_ptr<pooled_session> open(const char* begin, bool writes);
  /// Puts the session back into the pool, or drops it when its connection failed.
  void put_back(std::unique_ptr<pooled_session> session);
  /// Counts a write's COMMIT and notes its outcome: nullopt when it was kept.
  void note_commit(std::optional<store::unavailable_reason> failure);
  /// Notes why writes cannot succeed now (nullopt: they can), for unwritable().
  void note_outcome(std::optional<store::unavailable_reason> failure);
  /// Writes one row to see whether writes succeed again; the failure's reason, or nullopt.
  std::optional<store::unavailable_reason> probe_write();
  static void give_back(void* owner, session* released, std::uint64_t lease);

  database_settings settings_;
  mutable std::mutex pool_lock_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<pooled_session>> idle_;
  std::size_t open_ = 0;
  std::atomic<std::int64_t> writers_waiting_{0};
  std::atomic<std::int64_t> busy_readers_{0};
  std::atomic<std::uint64_t> commits_{0};
  std::atomic<std::uint64_t> failed_commits_{0};
  // The outcome of the last write: -1 it committed, else the store::unavailable_reason it
  // failed with; and when unwritable() last probed.
  std::atomic<int> write_outcome_{-1};
  std::atomic<std::chrono::steady_clock::rep> last_probe_{0};
};

}  // namespace zomato::store::postgres
