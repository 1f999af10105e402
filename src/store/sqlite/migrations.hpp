#pragma once

#include <vector>

#include "store/migration.hpp"

namespace zomato::store::sqlite {

class connection;

using store::migration;

/// The migrations compiled into the binary, in version order.
const std::vector<migration>& embedded_migrations();

/// Applies, each in its own transaction, every migration not yet recorded in
/// schema_migrations, and records it. Processes that start together on one file apply each
/// migration once: the others wait for the write lock (the connection's lock timeout) and find
/// it recorded. Throws if one fails (that one is rolled back), store::unavailable (busy) when the
/// lock is not had within the timeout.
void migrate(connection& db, const std::vector<migration>& migrations);

}  // namespace zomato::store::sqlite
