#pragma once

#include "store/catalog_analytics_repository.hpp"
#include "store/sqlite/connection.hpp"

namespace zomato::store::sqlite {

class catalog_analytics_repository final : public store::catalog_analytics_repository {
 public:
  explicit catalog_analytics_repository(connection& db) : db_(db) {}
  domain::menu_summary menu_summary(domain::id_t restaurant_id) override;
  std::vector<domain::cuisine_count> cuisines(std::int64_t limit) override;
  std::int64_t cuisine_total() override;
  std::vector<domain::price_band_count> price_bands(const std::vector<domain::price_band_count>& bands) override;
  std::int64_t item_count() override;
  std::vector<domain::id_t> most_ordered_restaurants(std::int64_t limit) override;
  domain::cents_sum price_sum() override;

 private:
  connection& db_;
};

}  // namespace zomato::store::sqlite
