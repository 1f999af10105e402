#include "store/list_queries.hpp"

#include "store/entity_rows.hpp"

namespace zomato::store {
namespace {

// The statements of an owner's list, `filter` (its WHERE with ?1 the owner and the parameters
// before `range_at`) and the range's bounds that are given on `date_column`, from ?<range_at>
// on, newest first then by id.
list_sql list_of(const std::string& columns, std::string_view table, std::string_view date_column,
                 const std::string& filter, int range_at, const domain::time_range& range) {
  const std::string date(date_column);
  std::string where = " FROM " + std::string(table) + " WHERE " + filter;
  list_sql sql;
  int next = range_at;
  if (range.from) {
    sql.from_at = next++;
    where += " AND " + date + " >= ?" + std::to_string(sql.from_at);
  }
  if (range.to) {
    sql.to_at = next++;
    where += " AND " + date + " < ?" + std::to_string(sql.to_at);
  }
  sql.limit_at = next;
  sql.count = "SELECT COUNT(*)" + where;
  sql.rows = "SELECT " + columns + where + " ORDER BY " + date + " DESC, id LIMIT ?" + std::to_string(next) +
             " OFFSET ?" + std::to_string(next + 1);
  return sql;
}

}  // namespace

list_sql order_list_sql(std::string_view owner_column, const order_filter& filter) {
  static const std::string columns = column_list<domain::order>();
  // The cast gives PostgreSQL the type of ?2 where it first sees it.
  return list_of(columns, "orders", "order_date",
                 std::string(owner_column) + " = ?1 AND (CAST(?2 AS TEXT) IS NULL OR order_status = ?2)", 3,
                 filter.placed);
}

list_sql review_list_sql(std::string_view owner_column, const domain::time_range& written) {
  static const std::string columns = column_list<domain::review>();
  return list_of(columns, "reviews", "created_at", std::string(owner_column) + " = ?1", 2, written);
}

}  // namespace zomato::store
