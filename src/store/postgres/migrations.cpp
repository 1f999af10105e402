#include "store/postgres/migrations.hpp"

#include "domain/clock.hpp"
#include "store/postgres/connection.hpp"

namespace zomato::store::postgres {
namespace {

// The advisory lock key of migrations, which no other lock of the server uses.
constexpr const char* migration_lock = "SELECT pg_advisory_lock(8749107661066427725)";
constexpr const char* migration_unlock = "SELECT pg_advisory_unlock(8749107661066427725)";

bool is_applied(connection& db, int version) {
  auto row = db.use("SELECT 1 FROM schema_migrations WHERE version = $1");
  row.bind_all(version);
  return row.next();
}

}  // namespace

void migrate(connection& db, const std::vector<migration>& migrations) {
  db.execute(migration_lock);
  try {
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    for (const auto& step : migrations) {
      if (is_applied(db, step.version)) continue;
      db.execute("BEGIN");
      try {
        db.execute(step.sql);
        db.use("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)")
            .bind_all(step.version, step.name, domain::now_timestamp())
            .run();
        db.execute("COMMIT");
      } catch (const store::failure&) {
        if (!db.broken()) db.execute("ROLLBACK");
        throw;
      }
    }
  } catch (const store::failure&) {
    if (!db.broken()) db.execute(migration_unlock);
    throw;
  }
  db.execute(migration_unlock);
}

}  // namespace zomato::store::postgres
