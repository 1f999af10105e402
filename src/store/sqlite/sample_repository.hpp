#pragma once

#include "store/sample_repository.hpp"
#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

class sample_repository final : public store::sample_repository {
 public:
  explicit sample_repository(connection& db) : db_(db) {}
  void remember(const std::string& kind, domain::id_t id) override;
  std::vector<domain::id_t> ids(const std::string& kind) override;
  void forget_all() override;

 private:
  connection& db_;
};

}  // namespace zomato::store::sqlite
