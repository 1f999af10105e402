#include "store/sqlite/migrations.hpp"

#include <set>

#include "domain/clock.hpp"
#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {
namespace {

// Read without the write lock, so that a process starting next to a busy one on an up-to-date
// file never waits for it.
std::set<int> applied_versions(connection& db) {
  std::set<int> versions;
  auto rows = db.use("SELECT version FROM schema_migrations");
  while (rows.next()) versions.insert(static_cast<int>(rows.integer(0)));
  return versions;
}

}  // namespace

void migrate(connection& db, const std::vector<migration>& migrations) {
  db.execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const auto applied = applied_versions(db);
  for (const auto& step : migrations) {
    if (applied.count(step.version) != 0) continue;
    // Another process may have applied it since: checked again under the write lock.
    db.execute("BEGIN IMMEDIATE");
    try {
      const bool done = [&] {
        auto again = db.use("SELECT 1 FROM schema_migrations WHERE version = ?1");
        again.bind_all(step.version);
        return again.next();
      }();
      if (!done) {
        db.execute(step.sql);
        db.use("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)")
            .bind_all(step.version, step.name, domain::now_timestamp())
            .run();
      }
      db.execute("COMMIT");
    } catch (...) {
      if (db.in_transaction()) db.execute("ROLLBACK");
      throw;
    }
  }
}

}  // namespace zomato::store::sqlite
