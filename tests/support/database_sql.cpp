#include "support/database_sql.hpp"

#include <optional>
#include <stdexcept>

#include "store/sqlite/connection.hpp"
#include "support/postgres_sql.hpp"

namespace zomato::testing {

void execute_sql(const temp_database& database, const std::string& sql) {
  if (on_postgres()) {
    postgres_execute(database.url(), sql);
    return;
  }
  store::sqlite::connection(database.path()).execute(sql);
}

std::int64_t integer_of(const temp_database& database, const std::string& sql) {
  std::optional<std::int64_t> first;
  if (on_postgres()) {
    const auto text = postgres_value(database.url(), sql);
    if (!text.empty()) first = std::stoll(text);
  } else {
    store::sqlite::connection db(database.path());
    auto rows = db.use(sql);
    if (rows.next() && !rows.is_null(0)) first = rows.integer(0);
    // To its end, so that a statement with RETURNING has made all of its changes.
    while (rows.next()) continue;
  }
  if (!first) throw std::runtime_error("no integer from '" + sql + "'");
  return *first;
}

}  // namespace zomato::testing
