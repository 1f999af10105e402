#include "support/postgres_sql.hpp"

#include <libpq-fe.h>

#include <memory>

namespace zomato::testing {
namespace {

using connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using result = std::unique_ptr<PGresult, decltype(&PQclear)>;

connection connect(const std::string& url) {
  const char* keywords[] = {"dbname", "connect_timeout", "options", nullptr};
  const char* values[] = {url.c_str(), "10", "-c statement_timeout=60s", nullptr};
  connection db(PQconnectdbParams(keywords, values, 1), &PQfinish);
  if (!db) throw postgres_error("libpq could not allocate a connection", "");
  if (PQstatus(db.get()) != CONNECTION_OK) {
    throw postgres_error("cannot connect to " + url + ": " + PQerrorMessage(db.get()), "");
  }
  return db;
}

result run(PGconn* db, const std::string& sql) {
  result answer(PQexec(db, sql.c_str()), &PQclear);
  const auto status = PQresultStatus(answer.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const char* state = PQresultErrorField(answer.get(), PG_DIAG_SQLSTATE);
    throw postgres_error("'" + sql + "' failed: " + PQerrorMessage(db), state ? state : "");
  }
  return answer;
}

}  // namespace

void postgres_execute(const std::string& url, const std::string& sql) { run(connect(url).get(), sql); }

std::string postgres_value(const std::string& url, const std::string& query) {
  const auto db = connect(url);
  const auto answer = run(db.get(), query);
  if (PQntuples(answer.get()) == 0 || PQnfields(answer.get()) == 0 || PQgetisnull(answer.get(), 0, 0)) return {};
  return PQgetvalue(answer.get(), 0, 0);
}

}  // namespace zomato::testing
