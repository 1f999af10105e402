#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

/// What to generate. The same plan (seed and reference time included) gives the same rows.
struct seed_plan {
  std::int64_t restaurants = 1000;
  std::int64_t menu_items_per_restaurant = 20;
  std::int64_t customers = 10000;
  std::int64_t orders = 100000;
  std::uint64_t seed = 42;
  /// Orders fall in the 90 days before this instant; everything else before them.
  std::chrono::sys_seconds reference_time = std::chrono::sys_days{std::chrono::year{2026} / 11 / 1};
};

/// How many rows a load wrote into each table.
struct seed_counts {
  std::int64_t restaurants = 0;
  std::int64_t menu_items = 0;
  std::int64_t customers = 0;
  std::int64_t orders = 0;
  std::int64_t order_items = 0;
  std::int64_t status_changes = 0;
  std::int64_t reviews = 0;
};

/// Fills a migrated database with generated, internally consistent data through one
/// connection: prepared statements only, `batch_rows` rows per BEGIN IMMEDIATE ... COMMIT.
/// The connection runs with synchronous=OFF and without foreign key checks (the loader only
/// refers to rows it wrote): a crash while loading can lose the load.
class bulk_loader {
 public:
  /// Opens its own connection to the (already migrated) file. Throws sqlite::error.
  explicit bulk_loader(const std::string& path, std::int64_t batch_rows = 20000);

  /// True when the database holds no restaurants, menu items, customers or orders.
  bool is_empty();

  /// Generates and writes everything the plan asks for, then sets each restaurant's rating to
  /// the mean of its reviews. Throws std::invalid_argument for negative counts or orders without
  /// restaurants, menu items or customers; sqlite::error from SQLite (batches committed before stay).
  /// `progress`, when given, is told the rows written so far after each committed batch.
  seed_counts load(const seed_plan& plan, const std::function<void(const seed_counts&)>& progress = {});

 private:
  connection db_;
  std::int64_t batch_rows_;
};

}  // namespace zomato::store::sqlite
