#pragma once

#include "store/review_repository.hpp"
#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

class review_repository final : public store::review_repository {
 public:
  explicit review_repository(connection& db) : db_(db) {}
  std::optional<domain::review> of_order(domain::id_t order_id) override;
  page_of<domain::review> of_restaurant(domain::id_t restaurant_id, page window) override;
  page_of<domain::review> of_customer(domain::id_t customer_id, page window) override;
  void insert(domain::review& review) override;
  std::vector<domain::id_t> restaurants_reviewed_by(domain::id_t customer_id) override;
  void refresh_rating(domain::id_t restaurant_id) override;

 private:
  page_of<domain::review> page_by(const std::string& owner_column, domain::id_t owner, page window);
  connection& db_;
};

}  // namespace zomato::store::sqlite
