#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "store/seed_data.hpp"

struct pg_conn;

namespace zomato::store::postgres {

/// Fills a migrated, empty PostgreSQL database with the seed's rows (store/seed_data) on a
/// connection of its own, in one transaction: rows are buffered per table in COPY's text format
/// and sent by COPY ... FROM STDIN, every table in foreign key order, each time the buffers pass
/// `flush_bytes`. For the load, the trigger that keeps menu_item_sales is off, and the foreign
/// keys of the tables it fills and their indexes that back no constraint are dropped; at the end
/// menu_item_sales is computed by one INSERT ... SELECT, the ratings set by one UPDATE, the
/// indexes and foreign keys made again from their catalog definitions (every reference checked
/// then), the trigger turned on, each table's identity set past its largest id and the tables
/// ANALYZEd, all before COMMIT. Until then the tables are locked: a server on the same database
/// waits for them. A load that fails leaves the database as it was.
class bulk_loader {
 public:
  /// Connects to the libpq URL (postgresql://...) within 10 s. Throws store::unavailable (io)
  /// when the server cannot be reached.
  explicit bulk_loader(const std::string& url, std::size_t flush_bytes = std::size_t{2} << 20);
  ~bulk_loader();
  bulk_loader(const bulk_loader&) = delete;
  bulk_loader& operator=(const bulk_loader&) = delete;

  /// True when the database holds no restaurants, menu items, customers or orders. Throws
  /// store::failure when the query fails.
  bool is_empty();

  /// Generates and writes everything the plan asks for, then sets each restaurant's rating to
  /// the mean of its reviews. Throws std::invalid_argument for a plan seed_generator refuses,
  /// seed_target_not_empty when the database holds data, store::unavailable when the server is
  /// lost, store::failure for any other refusal; nothing stays written then. `progress`, when
  /// given, is told the rows generated so far after each batch sent.
  seed_counts load(const seed_plan& plan, const std::function<void(const seed_counts&)>& progress = {});

 private:
  pg_conn* db_ = nullptr;
  std::size_t flush_bytes_;
};

}  // namespace zomato::store::postgres
