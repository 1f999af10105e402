#include "store/postgres/repositories.hpp"

namespace zomato::store::postgres {

std::optional<idempotency_repository::entry> idempotency_repository::find(domain::id_t customer_id,
                                                                          const std::string& key) {
  auto row = db_.use("SELECT request, order_id FROM idempotency_keys WHERE customer_id = ?1 AND idempotency_key = ?2");
  row.bind_all(customer_id, key);
  if (!row.next()) return std::nullopt;
  return entry{row.text(0), row.integer(1)};
}

void idempotency_repository::remember(domain::id_t customer_id, const std::string& key, const std::string& request,
                                      domain::id_t order_id, const std::string& at) {
  db_.use(
         "INSERT INTO idempotency_keys (customer_id, idempotency_key, request, order_id, created_at) "
         "VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind_all(customer_id, key, request, order_id, at)
      .run();
}

void idempotency_repository::forget_before(const std::string& at) {
  db_.use("DELETE FROM idempotency_keys WHERE created_at < ?1").bind_all(at).run();
}

}  // namespace zomato::store::postgres
