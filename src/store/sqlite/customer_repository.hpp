#pragma once

#include "store/customer_repository.hpp"
#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

class customer_repository final : public store::customer_repository {
 public:
  explicit customer_repository(connection& db) : db_(db) {}
  std::optional<domain::customer> find(domain::id_t id) override;
  page_of<domain::customer> list(bool active_only, page window) override;
  std::optional<domain::id_t> id_with_email(const std::string& email) override;
  void insert(domain::customer& customer) override;
  void update(const domain::customer& customer) override;
  bool remove(domain::id_t id) override;
  domain::customer_order_summary order_summary(domain::id_t id) override;

 private:
  connection& db_;
};

}  // namespace zomato::store::sqlite
