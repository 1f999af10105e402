#pragma once

#include <optional>

#include "domain/money.hpp"

struct sqlite3;

namespace zomato::store::sqlite {

/// Adds the aggregate exact_sum(x) to a connection: the sum of x over a group, exact in 128
/// bits, where SUM() would fail with "integer overflow". NULLs are skipped; no rows give 0. The
/// sum is an integer when it fits 64 bits, else 16 bytes (big-endian, sign bit flipped) that sort
/// after every integer (SQLite orders blobs last) and among themselves by value, so ORDER BY on
/// a sum of amounts, which are never negative, stays right; exact_sum takes that form back, so
/// a sum of sums stays exact. Any other value fails the statement. Throws nothing; a failure
/// to register shows when a statement names the function.
void add_exact_sum(sqlite3* db);

/// The sum an exact_sum() result of more than 64 bits holds as a blob; nullopt for other bytes.
std::optional<domain::cents_sum> wide_sum_of(const void* bytes, int size);

}  // namespace zomato::store::sqlite
