#pragma once

#include "store/kitchen_repository.hpp"
#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

class kitchen_repository final : public store::kitchen_repository {
 public:
  explicit kitchen_repository(connection& db) : db_(db) {}
  std::int64_t active_orders(domain::id_t restaurant_id) override;
  std::optional<std::int64_t> menu_preparation(domain::id_t restaurant_id) override;
  std::vector<domain::pending_order> pending_orders(domain::id_t restaurant_id) override;
  std::optional<std::int64_t> order_preparation(domain::id_t order_id) override;

 private:
  connection& db_;
};

}  // namespace zomato::store::sqlite
