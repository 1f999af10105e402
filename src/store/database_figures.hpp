#pragma once

#include <array>
#include <cstdint>
#include <optional>

namespace zomato::store {

/// What the checkpointer has done so far, and the WAL's size after the last commit.
struct checkpoint_figures {
  std::uint64_t thread_passes = 0;  // copying passes of its own thread
  std::uint64_t writer_copies = 0;  // the last pages of a cycle, copied by the writer after its commit
  std::uint64_t full_copies = 0;    // the whole WAL, copied by the writer at the limit
  std::uint64_t truncations = 0;    // the WAL file emptied after writes stopped
  std::int64_t wal_pages = 0;
};

/// The upper bounds of the buckets write groups are counted in by their number of members.
inline constexpr std::array<int, 7> group_size_bounds{1, 2, 4, 8, 16, 32, 64};

/// What the store has done so far and holds now.
struct database_figures {
  /// Write sessions waiting for the writer.
  std::int64_t writers_waiting = 0;
  /// Reader connections in a read transaction, and those idle in the pool.
  std::int64_t busy_readers = 0;
  std::int64_t idle_readers = 0;
  /// Write groups ended (committed or failed) by their number of members: one count per bound
  /// of group_size_bounds (those above the bound before it), then those above the last.
  std::array<std::uint64_t, group_size_bounds.size() + 1> group_sizes{};
  std::uint64_t group_members = 0;
  /// Write groups whose COMMIT failed or whose transaction SQLite rolled back.
  std::uint64_t failed_groups = 0;
  /// How the WAL was copied back into the file (SQLite only; nullopt for other engines).
  std::optional<checkpoint_figures> checkpoints;
};

}  // namespace zomato::store
