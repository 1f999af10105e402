#pragma once

#include <vector>

#include "store/migration.hpp"

namespace zomato::store::postgres {

class connection;

/// The migrations of db/postgres compiled into the binary, in version order.
const std::vector<migration>& embedded_migrations();

/// Applies, each in its own transaction, every migration not yet recorded in
/// schema_migrations, and records it, holding an advisory lock meanwhile: of the nodes that
/// start together on one database one migrates, the others wait for it and find the migrations
/// recorded. Throws store::failure if one fails (that one is rolled back), store::unavailable
/// when the database cannot be reached or the lock is not had within the statement timeout.
void migrate(connection& db, const std::vector<migration>& migrations);

}  // namespace zomato::store::postgres
