#pragma once

#include <cstdint>
#include <string>

#include "support/temp_database.hpp"

namespace zomato::testing {

/// Runs the SQL (one or more statements, no parameters) on a connection of its own to the test's
/// database, whichever engine holds it; throws what that engine's connection throws
/// (store::sqlite::error or store::unavailable, postgres_error).
void execute_sql(const temp_database& database, const std::string& sql);

/// The integer in the first column of the first row the statement returns: a COUNT(*), or the id
/// of an `INSERT ... RETURNING id`. Throws as execute_sql does, and std::runtime_error when the
/// statement returns no row or NULL.
std::int64_t integer_of(const temp_database& database, const std::string& sql);

}  // namespace zomato::testing
