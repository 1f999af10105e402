#pragma once

#include "store/menu_item_repository.hpp"
#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

class menu_item_repository final : public store::menu_item_repository {
 public:
  explicit menu_item_repository(connection& db) : db_(db) {}

  std::optional<domain::menu_item> find(domain::id_t id) override;
  page_of<domain::menu_item> list(const menu_item_query& query, page window) override;
  page_of<domain::menu_item> of_restaurant(domain::id_t restaurant_id, page window) override;
  std::vector<domain::menu_item> all_of_restaurant(domain::id_t restaurant_id) override;
  void insert(domain::menu_item& item) override;
  void update(const domain::menu_item& item) override;
  bool remove(domain::id_t id) override;
  bool is_ordered(domain::id_t id) override;

 private:
  connection& db_;
};

}  // namespace zomato::store::sqlite
