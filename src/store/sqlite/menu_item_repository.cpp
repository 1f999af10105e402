#include "store/sqlite/repositories.hpp"

#include "store/entity_rows.hpp"

namespace zomato::store::sqlite {
namespace {

const std::string columns = column_list<domain::menu_item>();
const std::string find_by_id = "SELECT " + columns + " FROM menu_items WHERE id = ?1";
const std::string insert_item = insert_sql<domain::menu_item>("menu_items");
const std::string update_item = update_sql<domain::menu_item>("menu_items");

const std::string order = " ORDER BY created_at DESC, id";
const std::string whole_menu = "SELECT " + columns + " FROM menu_items WHERE restaurant_id = ?1" + order;

// The WHERE of a search: only the filters given (so SQLite can use the category index),
// each with its own parameter number: ?1 category (case-insensitive), ?2..?5 the flags.
std::string filter_of(const menu_item_query& query) {
  std::string where;
  const auto add = [&where](bool given, const char* clause) {
    if (!given) return;
    where += where.empty() ? " WHERE " : " AND ";
    where += clause;
  };
  add(query.category.has_value(), "category = ?1 COLLATE NOCASE");
  add(query.vegetarian.has_value(), "is_vegetarian = ?2");
  add(query.vegan.has_value(), "is_vegan = ?3");
  add(query.gluten_free.has_value(), "is_gluten_free = ?4");
  add(query.available.has_value(), "is_available = ?5");
  return where;
}

void bind_filters(statement& search, const menu_item_query& query) {
  if (query.category) search.bind(1, *query.category);
  if (query.vegetarian) search.bind(2, *query.vegetarian);
  if (query.vegan) search.bind(3, *query.vegan);
  if (query.gluten_free) search.bind(4, *query.gluten_free);
  if (query.available) search.bind(5, *query.available);
}

std::int64_t count_of(statement&& count) {
  count.next();
  return count.integer(0);
}

}  // namespace

std::optional<domain::menu_item> menu_item_repository::find(domain::id_t id) {
  return first_entity<domain::menu_item>(db_, find_by_id, id);
}

page_of<domain::menu_item> menu_item_repository::list(const menu_item_query& query, page window) {
  page_of<domain::menu_item> result;
  const auto filter = filter_of(query);
  auto count = db_.use("SELECT COUNT(*) FROM menu_items" + filter);
  bind_filters(count, query);
  result.total = count_of(std::move(count));
  auto rows = db_.use("SELECT " + columns + " FROM menu_items" + filter + order + " LIMIT ?6 OFFSET ?7");
  bind_filters(rows, query);
  rows.bind(6, window.limit).bind(7, window.skip);
  while (rows.next()) result.items.push_back(read_entity<domain::menu_item>(rows));
  return result;
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
  bind_insert(insert, m).run();
  m.id = db_.last_insert_id();
}

void menu_item_repository::update(const domain::menu_item& m) {
  auto update = db_.use(update_item);
  bind_update(update, m).run();
}

bool menu_item_repository::remove(domain::id_t id) {
  db_.use("DELETE FROM menu_items WHERE id = ?1").bind_all(id).run();
  return db_.changes() > 0;
}

bool menu_item_repository::is_ordered(domain::id_t id) {
  auto row = db_.use("SELECT 1 FROM order_items WHERE menu_item_id = ?1 LIMIT 1");
  row.bind_all(id);
  return row.next();
}

}  // namespace zomato::store::sqlite
