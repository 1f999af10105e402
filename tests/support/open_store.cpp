#include "support/open_store.hpp"

#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace zomato::testing {

std::unique_ptr<store::database> open_store(const temp_database& database, std::chrono::milliseconds busy_timeout) {
  if (!on_postgres()) return std::make_unique<store::sqlite::database>(database.path(), busy_timeout);
  store::postgres::database_settings settings;
  settings.url = database.url();
  settings.busy_timeout = busy_timeout;
  return std::make_unique<store::postgres::database>(settings);
}

}  // namespace zomato::testing
