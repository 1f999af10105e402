#include "store/sqlite/restaurant_repository.hpp"

#include "store/sqlite/like_pattern.hpp"

namespace zomato::store::sqlite {
namespace {

const std::string columns =
    "id, name, description, cuisine_type, address, phone_number, rating, is_active, opening_time, "
    "closing_time, created_at, updated_at";
const std::string find_by_id = "SELECT " + columns + " FROM restaurants WHERE id = ?1";

// ?1: cuisine LIKE pattern or NULL; ?2: 1 for active only.
const std::string filter = " WHERE (?1 IS NULL OR cuisine_type LIKE ?1 ESCAPE '\\') AND (?2 = 0 OR is_active = 1)";

domain::restaurant read(const statement& row) {
  domain::restaurant r;
  r.id = row.integer(0);
  r.name = row.text(1);
  r.description = row.optional_text(2);
  r.cuisine_type = row.text(3);
  r.address = row.text(4);
  r.phone_number = row.text(5);
  r.rating = row.real(6);
  r.is_active = row.boolean(7);
  r.opening_time = row.optional_text(8);
  r.closing_time = row.optional_text(9);
  r.created_at = row.text(10);
  r.updated_at = row.text(11);
  return r;
}

}  // namespace

std::optional<domain::restaurant> restaurant_repository::find(domain::id_t id) {
  auto row = db_.use(find_by_id);
  row.bind_all(id);
  if (!row.next()) return std::nullopt;
  return read(row);
}

page_of<domain::restaurant> restaurant_repository::list(const restaurant_query& query, page window) {
  const auto pattern = query.cuisine_contains ? std::optional(contains_pattern(*query.cuisine_contains)) : std::nullopt;
  page_of<domain::restaurant> result;
  {
    auto count = db_.use("SELECT COUNT(*) FROM restaurants" + filter);
    count.bind_all(pattern, query.active_only);
    count.next();
    result.total = count.integer(0);
  }
  auto rows =
      db_.use("SELECT " + columns + " FROM restaurants" + filter + " ORDER BY created_at DESC, id LIMIT ?3 OFFSET ?4");
  rows.bind_all(pattern, query.active_only, window.limit, window.skip);
  while (rows.next()) result.items.push_back(read(rows));
  return result;
}

std::optional<domain::id_t> restaurant_repository::id_named(const std::string& name) {
  auto row = db_.use("SELECT id FROM restaurants WHERE name = ?1");
  row.bind_all(name);
  if (!row.next()) return std::nullopt;
  return row.integer(0);
}

void restaurant_repository::insert(domain::restaurant& r) {
  db_.use(
         "INSERT INTO restaurants (name, description, cuisine_type, address, phone_number, rating, "
         "is_active, opening_time, closing_time, created_at, updated_at) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
      .bind_all(r.name, r.description, r.cuisine_type, r.address, r.phone_number, r.rating, r.is_active, r.opening_time,
                r.closing_time, r.created_at, r.updated_at)
      .run();
  r.id = db_.last_insert_id();
}

void restaurant_repository::update(const domain::restaurant& r) {
  db_.use(
         "UPDATE restaurants SET name = ?2, description = ?3, cuisine_type = ?4, address = ?5, "
         "phone_number = ?6, rating = ?7, is_active = ?8, opening_time = ?9, closing_time = ?10, "
         "updated_at = ?11 WHERE id = ?1")
      .bind_all(r.id, r.name, r.description, r.cuisine_type, r.address, r.phone_number, r.rating, r.is_active,
                r.opening_time, r.closing_time, r.updated_at)
      .run();
}

bool restaurant_repository::remove(domain::id_t id) {
  db_.use("DELETE FROM restaurants WHERE id = ?1").bind_all(id).run();
  return db_.changes() > 0;
}

}  // namespace zomato::store::sqlite
