#include "store/postgres/repositories.hpp"

#include "store/entity_rows.hpp"

namespace zomato::store::postgres {
namespace {

const std::string columns = column_list<domain::menu_item>();
const std::string find_by_id = "SELECT " + columns + " FROM menu_items WHERE id = ?1";
const std::string insert_item = insert_sql<domain::menu_item>("menu_items") + " RETURNING id";
const std::string update_item = update_sql<domain::menu_item>("menu_items");

const std::string order = " ORDER BY created_at DESC, id";
const std::string whole_menu = "SELECT " + columns + " FROM menu_items WHERE restaurant_id = ?1" + order;

// The WHERE of a search: only the filters given, numbered ?1, ?2, ... in the order bind_filters
// binds them (PostgreSQL cannot prepare a statement whose parameter numbers leave a gap). The
// category ignores the case of ASCII letters only, as SQLite's NOCASE does: lower() under
// COLLATE "C" (the column's; named for the parameter, which would take the database's), as the
// category's index holds it.
struct search_filter {
  std::string where;
  int parameters = 0;
};

search_filter filter_of(const menu_item_query& query) {
  search_filter filter;
  // The clause is `before` ?<its number> `after`.
  const auto add = [&filter](bool given, const char* before, const char* after = "") {
    if (!given) return;
    filter.where += filter.where.empty() ? " WHERE " : " AND ";
    filter.where += before + std::to_string(++filter.parameters) + after;
  };
  add(query.category.has_value(), "lower(category) = lower(?", " COLLATE \"C\")");
  add(query.vegetarian.has_value(), "is_vegetarian = ?");
  add(query.vegan.has_value(), "is_vegan = ?");
  add(query.gluten_free.has_value(), "is_gluten_free = ?");
  add(query.available.has_value(), "is_available = ?");
  return filter;
}

void bind_filters(statement& search, const menu_item_query& query) {
  int index = 0;
  if (query.category) search.bind(++index, *query.category);
  if (query.vegetarian) search.bind(++index, *query.vegetarian);
  if (query.vegan) search.bind(++index, *query.vegan);
  if (query.gluten_free) search.bind(++index, *query.gluten_free);
  if (query.available) search.bind(++index, *query.available);
}

}  // namespace

std::optional<domain::menu_item> menu_item_repository::find(domain::id_t id) {
  return first_entity<domain::menu_item>(db_, find_by_id, id);
}

page_of<domain::menu_item> menu_item_repository::list(const menu_item_query& query, page window) {
  const auto filter = filter_of(query);
  const auto limit_at = filter.parameters + 1;
  return page_of_filtered<domain::menu_item>(
      db_, "SELECT COUNT(*) FROM menu_items" + filter.where,
      "SELECT " + columns + " FROM menu_items" + filter.where + order + " LIMIT ?" + std::to_string(limit_at) +
          " OFFSET ?" + std::to_string(limit_at + 1),
      window, limit_at, [&query](statement& search) { bind_filters(search, query); });
}

page_of<domain::menu_item> menu_item_repository::of_restaurant(domain::id_t restaurant_id, page window) {
  return page_of_entities<domain::menu_item>(
      db_, "SELECT COUNT(*) FROM menu_items WHERE restaurant_id = ?1",
      "SELECT " + columns + " FROM menu_items WHERE restaurant_id = ?1" + order + " LIMIT ?2 OFFSET ?3", window,
      restaurant_id);
}

std::vector<domain::menu_item> menu_item_repository::all_of_restaurant(domain::id_t restaurant_id) {
  std::vector<domain::menu_item> items;
  auto rows = db_.use(whole_menu);
  rows.bind_all(restaurant_id);
  while (rows.next()) items.push_back(read_entity<domain::menu_item>(rows));
  return items;
}

void menu_item_repository::insert(domain::menu_item& m) {
  auto insert = db_.use(insert_item);
  bind_insert(insert, m).next();
  m.id = insert.integer(0);
}

void menu_item_repository::update(const domain::menu_item& m) {
  auto update = db_.use(update_item);
  bind_update(update, m).run();
}

bool menu_item_repository::remove(domain::id_t id) {
  return db_.use("DELETE FROM menu_items WHERE id = ?1").bind_all(id).run() > 0;
}

bool menu_item_repository::is_ordered(domain::id_t id) {
  auto row = db_.use("SELECT 1 FROM order_items WHERE menu_item_id = ?1 LIMIT 1");
  row.bind_all(id);
  return row.next();
}

}  // namespace zomato::store::postgres
