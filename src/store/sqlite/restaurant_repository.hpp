#pragma once

#include "store/restaurant_repository.hpp"
#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

class restaurant_repository final : public store::restaurant_repository {
 public:
  explicit restaurant_repository(connection& db) : db_(db) {}

  std::optional<domain::restaurant> find(domain::id_t id) override;
  page_of<domain::restaurant> list(const restaurant_query& query, page window) override;
  std::optional<domain::id_t> id_named(const std::string& name) override;
  void insert(domain::restaurant& restaurant) override;
  void update(const domain::restaurant& restaurant) override;
  bool remove(domain::id_t id) override;

 private:
  connection& db_;
};

}  // namespace zomato::store::sqlite
