#include "store/postgres/repositories.hpp"

namespace zomato::store::postgres {

std::uint64_t write_count_repository::count(bool announceable) {
  auto row = db_.use("UPDATE write_count SET n = n + 1, unannounced = unannounced + ?1 WHERE id = 1 RETURNING n");
  row.bind_all(announceable ? 0 : 1);
  row.next();
  return static_cast<std::uint64_t>(row.integer(0));
}

void write_count_repository::mark_unannounced() {
  db_.execute("UPDATE write_count SET unannounced = unannounced + 1 WHERE id = 1");
}

write_tally write_count_repository::counted() {
  auto row = db_.use("SELECT n, unannounced FROM write_count WHERE id = 1");
  row.next();
  return {static_cast<std::uint64_t>(row.integer(0)), static_cast<std::uint64_t>(row.integer(1))};
}

}  // namespace zomato::store::postgres
