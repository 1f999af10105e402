#include "store/sqlite/menu_item_repository.hpp"

namespace zomato::store::sqlite {
namespace {

const std::string columns =
    "id, restaurant_id, name, description, price_cents, category, is_vegetarian, is_vegan, "
    "is_gluten_free, is_available, preparation_time, created_at, updated_at";
const std::string find_by_id = "SELECT " + columns + " FROM menu_items WHERE id = ?1";

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

domain::menu_item read(const statement& row) {
  domain::menu_item m;
  m.id = row.integer(0);
  m.restaurant_id = row.integer(1);
  m.name = row.text(2);
  m.description = row.optional_text(3);
  m.price = row.integer(4);
  m.category = row.text(5);
  m.is_vegetarian = row.boolean(6);
  m.is_vegan = row.boolean(7);
  m.is_gluten_free = row.boolean(8);
  m.is_available = row.boolean(9);
  m.preparation_time = row.optional_integer(10);
  m.created_at = row.text(11);
  m.updated_at = row.text(12);
  return m;
}

std::int64_t count_of(statement&& count) {
  count.next();
  return count.integer(0);
}

}  // namespace

std::optional<domain::menu_item> menu_item_repository::find(domain::id_t id) {
  auto row = db_.use(find_by_id);
  row.bind_all(id);
  if (!row.next()) return std::nullopt;
  return read(row);
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
  while (rows.next()) result.items.push_back(read(rows));
  return result;
}

page_of<domain::menu_item> menu_item_repository::of_restaurant(domain::id_t restaurant_id, page window) {
  page_of<domain::menu_item> result;
  auto count = db_.use("SELECT COUNT(*) FROM menu_items WHERE restaurant_id = ?1");
  count.bind_all(restaurant_id);
  result.total = count_of(std::move(count));
  auto rows =
      db_.use("SELECT " + columns + " FROM menu_items WHERE restaurant_id = ?1" + order + " LIMIT ?2 OFFSET ?3");
  rows.bind_all(restaurant_id, window.limit, window.skip);
  while (rows.next()) result.items.push_back(read(rows));
  return result;
}

std::vector<domain::menu_item> menu_item_repository::all_of_restaurant(domain::id_t restaurant_id) {
  std::vector<domain::menu_item> items;
  auto rows = db_.use(whole_menu);
  rows.bind_all(restaurant_id);
  while (rows.next()) items.push_back(read(rows));
  return items;
}

void menu_item_repository::insert(domain::menu_item& m) {
  db_.use(
         "INSERT INTO menu_items (restaurant_id, name, description, price_cents, category, "
         "is_vegetarian, is_vegan, is_gluten_free, is_available, preparation_time, created_at, "
         "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
      .bind_all(m.restaurant_id, m.name, m.description, m.price, m.category, m.is_vegetarian, m.is_vegan,
                m.is_gluten_free, m.is_available, m.preparation_time, m.created_at, m.updated_at)
      .run();
  m.id = db_.last_insert_id();
}

void menu_item_repository::update(const domain::menu_item& m) {
  db_.use(
         "UPDATE menu_items SET name = ?2, description = ?3, price_cents = ?4, category = ?5, "
         "is_vegetarian = ?6, is_vegan = ?7, is_gluten_free = ?8, is_available = ?9, "
         "preparation_time = ?10, updated_at = ?11 WHERE id = ?1")
      .bind_all(m.id, m.name, m.description, m.price, m.category, m.is_vegetarian, m.is_vegan, m.is_gluten_free,
                m.is_available, m.preparation_time, m.updated_at)
      .run();
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
