#include "store/list_queries.hpp"

#include "store/entity_rows.hpp"

namespace zomato::store {
namespace {

// The statements of an owner's list, `filter` (its WHERE with ?1 the owner and the parameters
// before `range_at`) and the range's bounds on `date_column`, newest first then by id.
list_sql list_of(const std::string& columns, std::string_view table, std::string_view date_column,
                 const std::string& filter, int range_at, const domain::time_range& range) {
  const std::string date(date_column);
  std::string where = " FROM " + std::string(table) + " WHERE " + filter;
  if (range.from) where += " AND " + date + " >= ?" + std::to_string(range_at);
  if (range.to) where += " AND " + date + " < ?" + std::to_string(range_at + 1);
  const int limit_at = range_at + 2;
  return {"SELECT COUNT(*)" + where,
          "SELECT " + columns + where + " ORDER BY " + date + " DESC, id LIMIT ?" + std::to_string(limit_at) +
              " OFFSET ?" + std::to_string(limit_at + 1),
          range_at, limit_at};
}

}  // namespace

list_sql order_list_sql(std::string_view owner_column, const order_filter& filter) {
  static const std::string columns = column_list<domain::order>();
  return list_of(columns, "orders", "order_date",
                 std::string(owner_column) + " = ?1 AND (?2 IS NULL OR order_status = ?2)", 3, filter.placed);
}

list_sql review_list_sql(std::string_view owner_column, const domain::time_range& written) {
  static const std::string columns = column_list<domain::review>();
  return list_of(columns, "reviews", "created_at", std::string(owner_column) + " = ?1", 2, written);
}

}  // namespace zomato::store
