#pragma once

#include <memory>

#include "support/temp_database.hpp"

namespace zomato::store::sqlite {
class connection;
}

namespace zomato::testing {

class postgres_session;

/// Another process's connection to the test's database, which takes the store's write lock as a
/// second server does for a write: on SQLite a BEGIN IMMEDIATE transaction, on PostgreSQL a
/// transaction holding the advisory lock that every write of store::postgres::database takes first.
class write_lock_holder {
 public:
  /// Connects; throws what the engine's connection throws.
  explicit write_lock_holder(const temp_database& database);
  ~write_lock_holder();
  write_lock_holder(const write_lock_holder&) = delete;
  write_lock_holder& operator=(const write_lock_holder&) = delete;

  /// Takes the write lock, waiting for it; throws store::unavailable (SQLite) or postgres_error
  /// when it cannot.
  void take();
  /// Lets the lock go, writing nothing.
  void release();

 private:
  std::unique_ptr<store::sqlite::connection> sqlite_;
  std::unique_ptr<postgres_session> postgres_;
};

}  // namespace zomato::testing
