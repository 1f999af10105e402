#pragma once

#include <cstdint>

namespace zomato::store {

/// What the database counted: the writes that changed what cached answers show, and the times a
/// writer marked writes of its own that it could not tell the other processes of.
struct write_tally {
  std::uint64_t writes = 0;
  std::uint64_t unannounced = 0;
};

/// The count of writes, kept in the database so that every process sharing it can tell whether
/// it heard of each of them.
class write_count_repository {
 public:
  virtual ~write_count_repository() = default;
  /// Counts one more write in this write session's transaction and returns its number (numbers
  /// of committed writes have no gaps); `announceable` false marks it unannounced as well.
  /// Throws store::unavailable or store::failure.
  virtual std::uint64_t count(bool announceable) = 0;
  /// Marks, in this write session's transaction, that writes committed before could not be
  /// announced. Throws store::unavailable or store::failure.
  virtual void mark_unannounced() = 0;
  /// What committed transactions counted. Throws store::unavailable or store::failure.
  virtual write_tally counted() = 0;
};

}  // namespace zomato::store
