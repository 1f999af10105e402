#pragma once

#include "store/idempotency_repository.hpp"
#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

class idempotency_repository final : public store::idempotency_repository {
 public:
  explicit idempotency_repository(connection& db) : db_(db) {}
  std::optional<entry> find(domain::id_t customer_id, const std::string& key) override;
  void remember(domain::id_t customer_id, const std::string& key, const std::string& request, domain::id_t order_id,
                const std::string& at) override;
  void forget_before(const std::string& at) override;

 private:
  connection& db_;
};

}  // namespace zomato::store::sqlite
