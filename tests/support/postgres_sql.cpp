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

struct postgres_session::handle {
  connection db;
};

postgres_session::postgres_session(const std::string& url) : db_(new handle{connect(url)}) {}

postgres_session::~postgres_session() = default;

void postgres_session::execute(const std::string& sql) { run(db_->db.get(), sql); }

void postgres_session::send(const std::string& sql) {
  if (PQsendQuery(db_->db.get(), sql.c_str()) != 1) {
    throw postgres_error("cannot send '" + sql + "': " + PQerrorMessage(db_->db.get()), "");
  }
}

void postgres_session::finish() {
  std::string failure;
  std::string state;
  while (PGresult* next = PQgetResult(db_->db.get())) {
    const result answer(next, &PQclear);
    const auto status = PQresultStatus(next);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && failure.empty()) {
      failure = PQresultErrorMessage(next);
      const char* code = PQresultErrorField(next, PG_DIAG_SQLSTATE);
      state = code ? code : "";
    }
  }
  if (!failure.empty()) throw postgres_error(failure, state);
}

}  // namespace zomato::testing
