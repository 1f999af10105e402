#include "support/write_lock_holder.hpp"

#include "store/sqlite/connection.hpp"
#include "support/postgres_sql.hpp"

namespace zomato::testing {
namespace {

// The advisory lock of store/postgres/database.cpp's write transactions.
constexpr const char* take_postgres_write_lock = "BEGIN; SELECT pg_advisory_xact_lock(8749107661066427767)";

}  // namespace

write_lock_holder::write_lock_holder(const temp_database& database) {
  if (on_postgres()) {
    postgres_ = std::make_unique<postgres_session>(database.url());
  } else {
    sqlite_ = std::make_unique<store::sqlite::connection>(database.path());
  }
}

write_lock_holder::~write_lock_holder() = default;

void write_lock_holder::take() {
  if (postgres_) {
    postgres_->execute(take_postgres_write_lock);
  } else {
    sqlite_->execute("BEGIN IMMEDIATE");
  }
}

void write_lock_holder::release() {
  if (postgres_) {
    postgres_->execute("ROLLBACK");
  } else {
    sqlite_->execute("ROLLBACK");
  }
}

}  // namespace zomato::testing
