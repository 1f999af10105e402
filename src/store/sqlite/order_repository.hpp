#pragma once

#include "store/order_repository.hpp"
#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

class order_repository final : public store::order_repository {
 public:
  explicit order_repository(connection& db) : db_(db) {}
  std::optional<domain::order> find(domain::id_t id) override;
  std::vector<domain::order_item> items_of(domain::id_t order_id) override;
  page_of<domain::order> of_customer(domain::id_t customer_id, std::optional<domain::order_status> status,
                                     page window) override;
  page_of<domain::order> of_restaurant(domain::id_t restaurant_id, std::optional<domain::order_status> status,
                                       page window) override;
  void insert(domain::order& order, std::vector<domain::order_item>& items) override;
  bool change_status(domain::id_t id, domain::order_status from, domain::order_status to,
                     const std::optional<std::string>& delivery_time) override;
  void record_status(domain::id_t order_id, domain::order_status status, const std::string& at) override;
  std::vector<domain::status_change> history(domain::id_t order_id) override;
  domain::restaurant_order_summary restaurant_summary(domain::id_t restaurant_id) override;

 private:
  page_of<domain::order> page_by(const std::string& owner_column, domain::id_t owner,
                                 std::optional<domain::order_status> status, page window);
  connection& db_;
};

}  // namespace zomato::store::sqlite
