#include "store/sqlite/migrations.hpp"

#include "domain/clock.hpp"
#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

void migrate(connection& db, const std::vector<migration>& migrations) {
  db.execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  for (const auto& step : migrations) {
    db.execute("BEGIN IMMEDIATE");
    try {
      const bool done = [&] {
        auto applied = db.use("SELECT 1 FROM schema_migrations WHERE version = ?1");
        applied.bind_all(step.version);
        return applied.next();
      }();
      if (!done) {
        db.execute(step.sql);
        db.use("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)")
            .bind_all(step.version, step.name, domain::now_timestamp())
            .run();
      }
      db.execute("COMMIT");
    } catch (...) {
      db.execute("ROLLBACK");
      throw;
    }
  }
}

}  // namespace zomato::store::sqlite
