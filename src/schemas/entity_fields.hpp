#pragma once

#include "domain/entities.hpp"
#include "http/json_writer.hpp"

namespace zomato::schemas {

/// The keys of each entity, without braces, so nested forms can add their own.
void write_fields(http::json_writer& out, const domain::restaurant& restaurant);
void write_fields(http::json_writer& out, const domain::menu_item& item);
void write_fields(http::json_writer& out, const domain::customer& customer);
void write_fields(http::json_writer& out, const domain::order& order);
void write_fields(http::json_writer& out, const domain::order_item& item);
void write_fields(http::json_writer& out, const domain::review& review);

}  // namespace zomato::schemas
