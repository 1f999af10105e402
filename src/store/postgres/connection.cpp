#include "store/postgres/connection.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace zomato::store::postgres {
namespace {

// What makes a failure with this SQLSTATE pass by itself, or nullopt when it will not.
std::optional<store::unavailable_reason> unavailable_reason_of(std::string_view state) {
  // 08P01 (a protocol violation, such as a wrong parameter count) is a bug of ours, not an outage.
  if (state.empty() || (state.starts_with("08") && state != "08P01") || state.starts_with("57P")) {
    return store::unavailable_reason::io;
  }
  if (state == "53100") return store::unavailable_reason::full;
  if (state == "25006") return store::unavailable_reason::read_only;
  if (state.starts_with("53") || state == "55P03" || state == "57014") {
    return store::unavailable_reason::busy;
  }
  return std::nullopt;
}

std::string millis(std::chrono::milliseconds value) { return std::to_string(value.count()); }

}  // namespace

bool is_retryable(std::string_view sqlstate) { return sqlstate == "40001" || sqlstate == "40P01"; }

std::string dollar_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '?' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      out.push_back('$');
      continue;
    }
    out.push_back(c);
  }
  return out;
}

void statement::result_free::operator()(pg_result* result) const { PQclear(result); }

statement::~statement() = default;

statement& statement::bind(int index, std::int64_t value) {
  return bind(index, std::string_view(std::to_string(value)));
}

statement& statement::bind(int index, bool value) { return bind(index, std::string_view(value ? "t" : "f")); }

statement& statement::bind(int index, double value) {
  char text[32];
  const int size = std::snprintf(text, sizeof text, "%.17g", value);
  return bind(index, std::string_view(text, static_cast<std::size_t>(size)));
}

statement& statement::bind(int index, std::string_view value) {
  if (values_.size() < static_cast<std::size_t>(index)) values_.resize(static_cast<std::size_t>(index));
  values_[static_cast<std::size_t>(index) - 1] = std::string(value);
  return *this;
}

statement& statement::bind(int index, std::nullopt_t) {
  if (values_.size() < static_cast<std::size_t>(index)) values_.resize(static_cast<std::size_t>(index));
  values_[static_cast<std::size_t>(index) - 1].reset();
  return *this;
}

void statement::execute() {
  result_.reset(owner_.execute_prepared(name_, values_));
  rows_ = PQntuples(result_.get());
}

bool statement::next() {
  if (!result_) execute();
  return ++row_ < rows_;
}

std::int64_t statement::run() {
  execute();
  const char* changed = PQcmdTuples(result_.get());
  return changed[0] == '\0' ? 0 : std::strtoll(changed, nullptr, 10);
}

const char* statement::value_at(int column) const { return PQgetvalue(result_.get(), row_, column); }

std::int64_t statement::integer(int column) const { return std::strtoll(value_at(column), nullptr, 10); }

double statement::real(int column) const { return std::strtod(value_at(column), nullptr); }

bool statement::boolean(int column) const {
  const char* value = value_at(column);
  return value[0] == 't' || (value[0] != 'f' && value[0] != '\0' && std::strtoll(value, nullptr, 10) != 0);
}

std::string statement::text(int column) const {
  return {value_at(column), static_cast<std::size_t>(PQgetlength(result_.get(), row_, column))};
}

bool statement::is_null(int column) const { return PQgetisnull(result_.get(), row_, column) != 0; }

std::optional<std::string> statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> statement::optional_integer(int column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

domain::cents_sum statement::sum(int column) const {
  if (is_null(column)) return 0;
  std::string_view digits = value_at(column);
  const bool negative = digits.starts_with('-');
  if (negative) digits.remove_prefix(1);
  if (digits.empty()) throw error("column " + std::to_string(column) + " holds no sum");
  domain::cents_sum total = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') throw error("column " + std::to_string(column) + " holds no whole sum");
    total = total * 10 + (c - '0');
  }
  return negative ? -total : total;
}

connection::connection(const std::string& url, std::chrono::milliseconds connect_timeout,
                       std::chrono::milliseconds statement_timeout, std::chrono::milliseconds lock_timeout) {
  const std::string seconds = std::to_string(std::max<long long>(2, (connect_timeout.count() + 999) / 1000));
  // A server that stops answering without closing the connection (a partition) fails it within
  // about the statement timeout instead of the kernel's minutes.
  const std::string unanswered = millis(statement_timeout + connect_timeout);
  // The URL comes last, so that what it sets (connect_timeout, options, ...) wins over these.
  const char* keywords[] = {"connect_timeout",
                            "application_name",
                            "keepalives",
                            "keepalives_idle",
                            "keepalives_interval",
                            "keepalives_count",
                            "tcp_user_timeout",
                            "dbname",
                            nullptr};
  const char* values[] = {seconds.c_str(), "zomato-api", "1", "5", "2", "3", unanswered.c_str(), url.c_str(), nullptr};
  db_ = PQconnectdbParams(keywords, values, 1);
  if (PQstatus(db_) != CONNECTION_OK) {
    const std::string message = db_ ? PQerrorMessage(db_) : "out of memory";
    PQfinish(db_);
    db_ = nullptr;
    throw store::unavailable(store::unavailable_reason::io, "cannot connect to PostgreSQL: " + message);
  }
  // On top of whatever the server and the URL set: durable commits, UTF-8, and the timeouts
  // (PostgreSQL reads a lock_timeout of 0 as none: 1 ms is the least).
  execute("SET synchronous_commit = on; SET client_encoding = 'UTF8'; SET statement_timeout = " +
          millis(statement_timeout) +
          "; SET lock_timeout = " + millis(std::max(lock_timeout, std::chrono::milliseconds(1))) +
          "; SET idle_in_transaction_session_timeout = " + millis(statement_timeout * 4));
}

connection::~connection() { PQfinish(db_); }

bool connection::broken() const { return PQstatus(db_) != CONNECTION_OK; }

bool connection::in_transaction() const {
  const auto status = PQtransactionStatus(db_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

void connection::fail(const pg_result* result, const std::string& what) {
  const char* found = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string_view state = found ? found : "";
  const std::string message = what + ": " + (result ? PQresultErrorMessage(result) : PQerrorMessage(db_));
  if (is_retryable(state)) throw store::conflict(message);
  if (auto reason = unavailable_reason_of(state)) throw store::unavailable(*reason, message);
  if (broken()) throw store::unavailable(store::unavailable_reason::io, message);
  throw error(message);
}

statement connection::use(std::string_view sql) {
  auto found = prepared_.find(sql);
  if (found == prepared_.end()) {
    std::string name = "s" + std::to_string(prepared_.size());
    pg_result* made = PQprepare(db_, name.c_str(), dollar_placeholders(sql).c_str(), 0, nullptr);
    const std::unique_ptr<pg_result, void (*)(pg_result*)> guard(made, PQclear);
    if (PQresultStatus(made) != PGRES_COMMAND_OK) fail(made, "prepare " + std::string(sql));
    found = prepared_.emplace(std::string(sql), std::move(name)).first;
  }
  return {*this, found->second};
}

pg_result* connection::execute_prepared(const std::string& name,
                                        const std::vector<std::optional<std::string>>& values) {
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const auto& value : values) pointers.push_back(value ? value->c_str() : nullptr);
  pg_result* result =
      PQexecPrepared(db_, name.c_str(), static_cast<int>(pointers.size()), pointers.data(), nullptr, nullptr, 0);
  const auto status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const std::unique_ptr<pg_result, void (*)(pg_result*)> guard(result, PQclear);
    fail(result, "execute");
  }
  return result;
}

void connection::execute(const std::string& sql) {
  pg_result* result = PQexec(db_, sql.c_str());
  const std::unique_ptr<pg_result, void (*)(pg_result*)> guard(result, PQclear);
  const auto status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(result, "execute");
}

}  // namespace zomato::store::postgres
