#include "store/postgres/repositories.hpp"

namespace zomato::store::postgres {

void sample_repository::remember(const std::string& kind, domain::id_t id) {
  db_.use("INSERT INTO sample_records (kind, record_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
      .bind_all(kind, id)
      .run();
}

std::vector<domain::id_t> sample_repository::ids(const std::string& kind) {
  std::vector<domain::id_t> found;
  auto rows = db_.use("SELECT record_id FROM sample_records WHERE kind = ?1 ORDER BY record_id");
  rows.bind_all(kind);
  while (rows.next()) found.push_back(rows.integer(0));
  return found;
}

void sample_repository::forget_all() { db_.execute("DELETE FROM sample_records"); }

}  // namespace zomato::store::postgres
