#include "store/postgres/repositories.hpp"

#include "domain/rounding.hpp"
#include "store/entity_rows.hpp"
#include "store/list_queries.hpp"

namespace zomato::store::postgres {
namespace {

const std::string columns = column_list<domain::review>();
const std::string insert_review = insert_sql<domain::review>("reviews") + " RETURNING id";
const std::string find_by_order = "SELECT " + columns + " FROM reviews WHERE order_id = ?1";

}  // namespace

std::optional<domain::review> review_repository::of_order(domain::id_t order_id) {
  return first_entity<domain::review>(db_, find_by_order, order_id);
}

page_of<domain::review> review_repository::page_by(std::string_view owner_column, domain::id_t owner,
                                                   const domain::time_range& written, page window) {
  const auto sql = review_list_sql(owner_column, written);
  return page_of_filtered<domain::review>(db_, sql.count, sql.rows, window, sql.limit_at, [&](statement& query) {
    query.bind(1, owner);
    bind_range(query, sql, written);
  });
}

page_of<domain::review> review_repository::of_restaurant(domain::id_t restaurant_id, const domain::time_range& written,
                                                         page window) {
  return page_by("restaurant_id", restaurant_id, written, window);
}

page_of<domain::review> review_repository::of_customer(domain::id_t customer_id, const domain::time_range& written,
                                                       page window) {
  return page_by("customer_id", customer_id, written, window);
}

void review_repository::insert(domain::review& r) {
  auto insert = db_.use(insert_review);
  bind_insert(insert, r).next();
  r.id = insert.integer(0);
}

std::vector<domain::id_t> review_repository::restaurants_reviewed_by(domain::id_t customer_id) {
  std::vector<domain::id_t> ids;
  auto rows = db_.use("SELECT DISTINCT restaurant_id FROM reviews WHERE customer_id = ?1 ORDER BY restaurant_id");
  rows.bind_all(customer_id);
  while (rows.next()) ids.push_back(rows.integer(0));
  return ids;
}

void review_repository::refresh_rating(domain::id_t restaurant_id) {
  std::int64_t count = 0;
  std::int64_t sum = 0;
  {
    auto totals = db_.use("SELECT COUNT(*), COALESCE(SUM(rating), 0) FROM reviews WHERE restaurant_id = ?1");
    totals.bind_all(restaurant_id);
    totals.next();
    count = totals.integer(0);
    sum = totals.integer(1);
  }
  db_.use("UPDATE restaurants SET rating = ?2 WHERE id = ?1")
      .bind_all(restaurant_id, domain::rounded_quotient(sum, count, 1))
      .run();
}

}  // namespace zomato::store::postgres
