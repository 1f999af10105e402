#pragma once

#include <chrono>
#include <memory>

#include "store/database.hpp"
#include "support/temp_database.hpp"

namespace zomato::testing {

/// The store on the test's database, migrated, as the server opens it for that DATABASE_URL:
/// store::sqlite::database on the SQLite file, store::postgres::database on PostgreSQL
/// (on_postgres()). A write waits at most `busy_timeout` for the write lock. Throws what the
/// store's constructor throws (store::unavailable, store::failure, sqlite::error).
std::unique_ptr<store::database> open_store(const temp_database& database,
                                            std::chrono::milliseconds busy_timeout = std::chrono::seconds(2));

}  // namespace zomato::testing
