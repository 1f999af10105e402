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
#include "schemas/entity_bodies.hpp"
#include "schemas/rendering.hpp"
#include "schemas/shapes.hpp"

namespace zomato::schemas {

/// A restaurant with "menu_items": every item of its menu.
std::string render_with_menu(const domain::restaurant& restaurant, const std::vector<domain::menu_item>& menu);
/// A menu item with "restaurant": the restaurant it belongs to.
std::string render_with_restaurant(const domain::menu_item& item, const domain::restaurant& restaurant);

}  // namespace zomato::schemas
