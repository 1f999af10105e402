#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "store/seed_data.hpp"
#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

/// Fills a migrated, empty database with the seed's rows (store/seed_data) through one
/// connection: prepared inserts that give each row the generator's id, `batch_rows` rows per
/// BEGIN IMMEDIATE ... COMMIT. The connection runs with synchronous=OFF and without foreign key
/// checks (the generator only refers to rows it handed over before): a crash while loading can
/// lose the load.
class bulk_loader {
 public:
  /// Opens its own connection to the (already migrated) file. Throws sqlite::error.
  explicit bulk_loader(const std::string& path, std::int64_t batch_rows = 20000);

  /// True when the database holds no restaurants, menu items, customers or orders.
  bool is_empty();

  /// Generates and writes everything the plan asks for, then sets each restaurant's rating to
  /// the mean of its reviews. Throws std::invalid_argument for a plan seed_generator refuses,
  /// seed_target_not_empty when the database holds data, sqlite::error from SQLite (batches
  /// committed before stay). `progress`, when given, is told the rows written so far after each
  /// committed batch.
  seed_counts load(const seed_plan& plan, const std::function<void(const seed_counts&)>& progress = {});

 private:
  connection db_;
  std::int64_t batch_rows_;
};

}  // namespace zomato::store::sqlite
