#pragma once

#include <cstdint>

namespace zomato::store {

/// The number of writes that changed what cached answers show, kept in the database so that
/// every process sharing it can tell whether it heard of each of them.
class write_count_repository {
 public:
  virtual ~write_count_repository() = default;
  /// Counts one more write in this write session's transaction; its number (numbers of
  /// committed writes have no gaps). Throws store::unavailable or store::failure.
  virtual std::uint64_t count() = 0;
  /// The writes counted by committed transactions. Throws store::unavailable or store::failure.
  virtual std::uint64_t counted() = 0;
};

}  // namespace zomato::store
