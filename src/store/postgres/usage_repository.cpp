#include "store/postgres/repositories.hpp"

namespace zomato::store::postgres {

void usage_repository::record(const std::vector<target_use>& uses, double decay, std::size_t keep, double at) {
  db_.use("UPDATE cache_usage SET score = score * ?1").bind_all(decay).run();
  db_.use("INSERT INTO cache_usage_faded (id, at) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET at = excluded.at")
      .bind_all(at)
      .run();
  for (const auto& use : uses) {
    db_.use(
           "INSERT INTO cache_usage (target, score) VALUES (?1, ?2) "
           "ON CONFLICT (target) DO UPDATE SET score = cache_usage.score + excluded.score")
        .bind_all(use.target, use.score)
        .run();
  }
  db_.use(
         "DELETE FROM cache_usage WHERE target NOT IN "
         "(SELECT target FROM cache_usage ORDER BY score DESC, target LIMIT ?1)")
      .bind_all(static_cast<std::int64_t>(keep))
      .run();
}

std::optional<double> usage_repository::faded_at() {
  auto row = db_.use("SELECT at FROM cache_usage_faded WHERE id = 1");
  if (!row.next()) return std::nullopt;
  return row.real(0);
}

std::vector<target_use> usage_repository::top(std::size_t limit) {
  std::vector<target_use> found;
  auto rows = db_.use("SELECT target, score FROM cache_usage ORDER BY score DESC, target LIMIT ?1");
  rows.bind_all(static_cast<std::int64_t>(limit));
  while (rows.next()) found.push_back({rows.text(0), rows.real(1)});
  return found;
}

}  // namespace zomato::store::postgres
