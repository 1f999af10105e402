#pragma once

#include "store/analytics_repository.hpp"
#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

class analytics_repository final : public store::analytics_repository {
 public:
  explicit analytics_repository(connection& db) : db_(db) {}
  domain::revenue_day revenue_between(const std::string& from, const std::string& to) override;
  domain::customer_activity customers_since(const std::string& since) override;
  std::vector<domain::restaurant_performance> performance(std::optional<domain::id_t> restaurant_id,
                                                          std::int64_t limit) override;
  std::int64_t restaurant_count() override;
  std::vector<domain::item_sales> popular_items(const std::string& since, std::int64_t limit) override;

 private:
  connection& db_;
};

}  // namespace zomato::store::sqlite
