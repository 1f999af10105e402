#pragma once

#include <string>
#include <vector>

#include "domain/entities.hpp"
#include "domain/result.hpp"
#include "domain/summaries.hpp"
#include "store/database.hpp"

namespace zomato::services {

struct restaurant_menu_analytics {
  domain::restaurant restaurant;
  domain::menu_summary menu;
};

struct cuisine_ranking {
  std::vector<domain::cuisine_count> cuisines;
  std::int64_t total_cuisines = 0;
};

struct named_band {
  std::string name;
  domain::price_band_count band;
};

struct price_distribution {
  std::vector<named_band> bands;
  std::int64_t total_items = 0;
  domain::cents_sum price_sum = 0;
};

/// Figures about the catalogue, aggregated in SQL.
class catalog_analytics_service {
 public:
  explicit catalog_analytics_service(store::database& db) : db_(db) {}

  domain::result<restaurant_menu_analytics> restaurant_menu(domain::id_t restaurant_id);
  cuisine_ranking popular_cuisines(std::int64_t limit);
  /// Menu items in Budget [0,10), Moderate [10,25), Premium [25,50) and Luxury [50,...).
  price_distribution price_ranges();
  /// Restaurant ids with the most recent orders first (those of the 30 days before the newest
  /// order; restaurants without such orders follow).
  std::vector<domain::id_t> most_ordered_restaurants(std::int64_t limit);

 private:
  store::database& db_;
};

}  // namespace zomato::services
