#include "store/sqlite/exact_sum.hpp"

#include <sqlite3.h>

#include <cstring>
#include <limits>

namespace zomato::store::sqlite {
namespace {

__extension__ using bits_t = unsigned __int128;

constexpr int wide_bytes = 16;

void store_wide(domain::cents_sum value, unsigned char* out) {
  auto bits = static_cast<bits_t>(value) ^ (bits_t{1} << 127);
  for (int i = wide_bytes - 1; i >= 0; --i) {
    out[i] = static_cast<unsigned char>(bits & 0xff);
    bits >>= 8;
  }
}

domain::cents_sum load_wide(const unsigned char* in) {
  bits_t bits = 0;
  for (int i = 0; i < wide_bytes; ++i) bits = (bits << 8) | in[i];
  return static_cast<domain::cents_sum>(bits ^ (bits_t{1} << 127));
}

void step(sqlite3_context* context, int, sqlite3_value** args) {
  std::optional<domain::cents_sum> value;
  switch (sqlite3_value_type(args[0])) {
    case SQLITE_NULL: return;
    case SQLITE_INTEGER: value = sqlite3_value_int64(args[0]); break;
    case SQLITE_BLOB: {
      const void* bytes = sqlite3_value_blob(args[0]);
      value = wide_sum_of(bytes, sqlite3_value_bytes(args[0]));
      break;
    }
    default: break;
  }
  if (!value) {
    sqlite3_result_error(context, "exact_sum takes integers", -1);
    return;
  }
  // SQLite aligns the context to 8 bytes only: the total goes in and out by memcpy.
  void* held = sqlite3_aggregate_context(context, sizeof(domain::cents_sum));
  if (!held) {
    sqlite3_result_error_nomem(context);
    return;
  }
  domain::cents_sum total;
  std::memcpy(&total, held, sizeof total);
  total += *value;
  std::memcpy(held, &total, sizeof total);
}

void finish(sqlite3_context* context) {
  domain::cents_sum sum = 0;
  if (const void* held = sqlite3_aggregate_context(context, 0)) std::memcpy(&sum, held, sizeof sum);
  if (sum >= std::numeric_limits<std::int64_t>::min() && sum <= std::numeric_limits<std::int64_t>::max()) {
    sqlite3_result_int64(context, static_cast<std::int64_t>(sum));
    return;
  }
  unsigned char bytes[wide_bytes];
  store_wide(sum, bytes);
  sqlite3_result_blob(context, bytes, wide_bytes, SQLITE_TRANSIENT);
}

}  // namespace

void add_exact_sum(sqlite3* db) {
  sqlite3_create_function_v2(db, "exact_sum", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                             nullptr, step, finish, nullptr);
}

std::optional<domain::cents_sum> wide_sum_of(const void* bytes, int size) {
  if (!bytes || size != wide_bytes) return std::nullopt;
  return load_wide(static_cast<const unsigned char*>(bytes));
}

}  // namespace zomato::store::sqlite
