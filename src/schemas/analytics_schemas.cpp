#include "schemas/analytics_schemas.hpp"

#include "domain/money.hpp"
#include "domain/rounding.hpp"
#include "http/json_writer.hpp"

namespace zomato::schemas {
namespace {

std::optional<std::string> amount_or_null(const std::optional<domain::cents>& amount) {
  if (!amount) return std::nullopt;
  return domain::format_amount(*amount);
}

}  // namespace

std::string render(const services::restaurant_menu_analytics& a) {
  http::json_writer out;
  out.begin_object()
      .field("restaurant_id", a.restaurant.id)
      .field("restaurant_name", a.restaurant.name)
      .field("total_menu_items", a.menu.item_count)
      .field("average_price", domain::format_amount(domain::average_cents(a.menu.price_sum, a.menu.item_count)))
      .key("price_range")
      .begin_object()
      .field("min", amount_or_null(a.menu.min_price))
      .field("max", amount_or_null(a.menu.max_price))
      .end_object()
      .key("categories")
      .begin_array();
  for (const auto& category : a.menu.categories) out.value(category);
  out.end_array()
      .key("dietary_options")
      .begin_object()
      .field("vegetarian_items", a.menu.vegetarian)
      .field("vegan_items", a.menu.vegan)
      .field("gluten_free_items", a.menu.gluten_free)
      .end_object()
      .end_object();
  return std::move(out.text());
}

std::string render(const services::cuisine_ranking& ranking) {
  http::json_writer out;
  out.begin_object().key("popular_cuisines").begin_array();
  for (const auto& entry : ranking.cuisines) {
    out.begin_object().field("cuisine", entry.cuisine).field("restaurant_count", entry.restaurant_count).end_object();
  }
  out.end_array().field("total_cuisines", ranking.total_cuisines).end_object();
  return std::move(out.text());
}

std::string render(const services::price_distribution& d) {
  http::json_writer out;
  out.begin_object().key("price_ranges").begin_array();
  for (const auto& [name, band] : d.bands) {
    out.begin_object()
        .field("range", name)
        .field("min_price", domain::format_amount(band.low))
        .field("max_price", amount_or_null(band.high))
        .field("item_count", band.item_count)
        .field("percentage", domain::rounded_quotient(band.item_count * 100, d.total_items, 2))
        .end_object();
  }
  out.end_array()
      .field("total_items", d.total_items)
      .field("average_price", domain::format_amount(domain::average_cents(d.price_sum, d.total_items)))
      .end_object();
  return std::move(out.text());
}

}  // namespace zomato::schemas
