#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/entities.hpp"
#include "domain/summaries.hpp"

namespace zomato::store {

/// Aggregations over the catalogue.
class catalog_analytics_repository {
 public:
  virtual ~catalog_analytics_repository() = default;
  virtual domain::menu_summary menu_summary(domain::id_t restaurant_id) = 0;
  virtual std::vector<domain::cuisine_count> cuisines(std::int64_t limit) = 0;
  virtual std::int64_t cuisine_total() = 0;
  /// Item counts per band, in the order of the bands given.
  virtual std::vector<domain::price_band_count> price_bands(const std::vector<domain::price_band_count>& bands) = 0;
  virtual std::int64_t item_count() = 0;
  /// Restaurant ids by their orders in the 30 days before the newest order, most first.
  virtual std::vector<domain::id_t> most_ordered_restaurants(std::int64_t limit) = 0;
  virtual domain::cents_sum price_sum() = 0;
};

}  // namespace zomato::store
