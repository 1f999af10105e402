#include "store/sqlite/repositories.hpp"

namespace zomato::store::sqlite {

std::uint64_t write_count_repository::count() {
  auto row = db_.use("UPDATE write_count SET n = n + 1 WHERE id = 1 RETURNING n");
  row.next();
  return static_cast<std::uint64_t>(row.integer(0));
}

std::uint64_t write_count_repository::counted() {
  auto row = db_.use("SELECT n FROM write_count WHERE id = 1");
  row.next();
  return static_cast<std::uint64_t>(row.integer(0));
}

}  // namespace zomato::store::sqlite
