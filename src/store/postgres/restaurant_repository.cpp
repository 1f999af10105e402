#include "store/postgres/repositories.hpp"

#include "store/entity_rows.hpp"
#include "store/like_pattern.hpp"

namespace zomato::store::postgres {
namespace {

const std::string columns = column_list<domain::restaurant>();
const std::string find_by_id = "SELECT " + columns + " FROM restaurants WHERE id = ?1";
const std::string insert_restaurant = insert_sql<domain::restaurant>("restaurants") + " RETURNING id";
const std::string update_restaurant = update_sql<domain::restaurant>("restaurants");

// ?1: cuisine LIKE pattern or NULL; ?2: true for active only. SQLite's LIKE ignores the case of
// ASCII letters only: lower() does the same under COLLATE "C" (the column's, and the pattern's
// here, which would otherwise take the database's collation and fold other letters too).
const std::string filter =
    " WHERE (?1::text IS NULL OR lower(cuisine_type) LIKE lower(?1 COLLATE \"C\") ESCAPE '\\')"
    " AND (NOT ?2 OR is_active)";

}  // namespace

std::optional<domain::restaurant> restaurant_repository::find(domain::id_t id) {
  return first_entity<domain::restaurant>(db_, find_by_id, id);
}

page_of<domain::restaurant> restaurant_repository::list(const restaurant_query& query, page window) {
  const auto pattern = query.cuisine_contains ? std::optional(contains_pattern(*query.cuisine_contains)) : std::nullopt;
  return page_of_entities<domain::restaurant>(
      db_, "SELECT COUNT(*) FROM restaurants" + filter,
      "SELECT " + columns + " FROM restaurants" + filter + " ORDER BY created_at DESC, id LIMIT ?3 OFFSET ?4", window,
      pattern, query.active_only);
}

std::optional<domain::id_t> restaurant_repository::id_named(const std::string& name) {
  return first_integer(db_, "SELECT id FROM restaurants WHERE name = ?1", name);
}

void restaurant_repository::insert(domain::restaurant& r) {
  auto insert = db_.use(insert_restaurant);
  bind_insert(insert, r).next();
  r.id = insert.integer(0);
}

void restaurant_repository::update(const domain::restaurant& r) {
  auto update = db_.use(update_restaurant);
  bind_update(update, r).run();
}

// Its orders go first, while the menu items their lines name still exist. PostgreSQL runs the
// cascades of one DELETE one after the other, checking each foreign key as its cascade ends:
// deleting the restaurant alone removes its menu before its orders and fails on the order
// lines still naming the items (SQLite checks once every cascade is done).
bool restaurant_repository::remove(domain::id_t id) {
  db_.use("DELETE FROM orders WHERE restaurant_id = ?1").bind_all(id).run();
  return db_.use("DELETE FROM restaurants WHERE id = ?1").bind_all(id).run() > 0;
}

}  // namespace zomato::store::postgres
