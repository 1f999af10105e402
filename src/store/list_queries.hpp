#pragma once

#include <string>
#include <string_view>

#include "domain/clock.hpp"
#include "store/order_repository.hpp"

// The statements of the lists filtered by time. A bound that is given is one comparison of the
// list's date column (the stored "YYYY-MM-DDTHH:MM:SS" text against the bound in the same form),
// so that the owner's index (owner, date DESC, id) serves the range and the order; a bound that
// is not given is left out of the SQL rather than bound as NULL. The parameters are numbered
// without gaps, as PostgreSQL needs the type of each.
namespace zomato::store {

/// The two statements of one window of a list filtered by time, and where their parameters are.
struct list_sql {
  std::string count;  // counts every row the filters keep
  std::string rows;   // the window of them, newest first
  int from_at = 0;    // ?<from_at> the range's start, when it is given
  int to_at = 0;      // ?<to_at> the range's end, when it is given
  int limit_at = 0;   // (rows) ?<limit_at> the limit, ?<limit_at + 1> the skip
};

/// An owner's orders: ?1 the owner (`owner_column`), ?2 the status or NULL, then the bounds of
/// `filter.placed` that are given.
list_sql order_list_sql(std::string_view owner_column, const order_filter& filter);

/// An owner's reviews: ?1 the owner (`owner_column`), then the bounds of `written` that are given.
list_sql review_list_sql(std::string_view owner_column, const domain::time_range& written);

/// Binds the bounds `range` has where `sql` takes them.
template <class Statement>
void bind_range(Statement& query, const list_sql& sql, const domain::time_range& range) {
  if (range.from) query.bind(sql.from_at, *range.from);
  if (range.to) query.bind(sql.to_at, *range.to);
}

}  // namespace zomato::store
