#pragma once

#include <string>

namespace zomato::store {

/// One numbered schema change of an engine (db/migrations for SQLite, db/postgres for PostgreSQL).
struct migration {
  int version;
  std::string name;
  std::string sql;
};

}  // namespace zomato::store
