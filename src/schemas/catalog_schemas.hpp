#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/entities.hpp"
#include "domain/patches.hpp"
#include "http/json_writer.hpp"
#include "http/problems.hpp"
#include "schemas/body_rules.hpp"
#include "schemas/body_validation.hpp"
#include "schemas/rendering.hpp"
#include "schemas/response_shapes.hpp"

namespace zomato::schemas {

/// A new restaurant from a request body checked against `rules`; problems are added to `found`.
domain::restaurant parse_restaurant(std::string_view body, http::problems& found,
                                    const body_rules& rules = body_rules::defaults());
/// The fields a restaurant update sends; problems are added to `found`.
domain::restaurant_patch parse_restaurant_patch(std::string_view body, http::problems& found,
                                                const body_rules& rules = body_rules::defaults());
/// A new menu item; problems are added to `found`.
domain::menu_item parse_menu_item(std::string_view body, http::problems& found,
                                  const body_rules& rules = body_rules::defaults());
/// The fields a menu item update sends; problems are added to `found`.
domain::menu_item_patch parse_menu_item_patch(std::string_view body, http::problems& found,
                                              const body_rules& rules = body_rules::defaults());

std::string render(const domain::restaurant& restaurant);
std::string render(const domain::menu_item& item);
/// A restaurant with "menu_items": every item of its menu.
std::string render_with_menu(const domain::restaurant& restaurant, const std::vector<domain::menu_item>& menu);
/// A menu item with "restaurant": the restaurant it belongs to.
std::string render_with_restaurant(const domain::menu_item& item, const domain::restaurant& restaurant);

/// The keys of the objects above, for the API documentation.
const response_shape& restaurant_shape();
const response_shape& menu_item_shape();

}  // namespace zomato::schemas
