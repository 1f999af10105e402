#pragma once

#include <string>
#include <string_view>

#include "http/json_writer.hpp"
#include "schemas/entity_json.hpp"
#include "store/pages.hpp"

namespace zomato::schemas {

/// Writes {...} around the entity's write_fields.
template <class T>
void write_object(http::json_writer& out, const T& entity) {
  out.begin_object();
  write_fields(out, entity);
  out.end_object();
}

/// The entity as one JSON object.
template <described_entity Entity>
std::string render(const Entity& entity) {
  http::json_writer out;
  write_object(out, entity);
  return std::move(out.text());
}

/// {"<plural>":[...],"total":N,"skip":S,"limit":L}
template <class T>
std::string render_page(http::literal_key plural, const store::page_of<T>& rows, store::page window) {
  http::json_writer out;
  out.begin_object().key(plural).begin_array();
  for (const auto& row : rows.items) write_object(out, row);
  out.end_array().field("total", rows.total).field("skip", window.skip).field("limit", window.limit).end_object();
  return std::move(out.text());
}

}  // namespace zomato::schemas
