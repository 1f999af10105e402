#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace zomato::testing {

/// A statement PostgreSQL refused, or a connection it did not accept (sqlstate empty then).
class postgres_error : public std::runtime_error {
 public:
  postgres_error(const std::string& what, std::string sqlstate)
      : std::runtime_error(what), sqlstate_(std::move(sqlstate)) {}
  /// The SQLSTATE of the refusal ("42P04"); empty for a connection failure.
  const std::string& sqlstate() const { return sqlstate_; }

 private:
  std::string sqlstate_;
};

/// Runs the SQL (one or more statements, no parameters) on a fresh connection to `url`, with a
/// 10 s connect timeout and a 60 s statement timeout; throws postgres_error when the connection
/// or a statement fails.
void postgres_execute(const std::string& url, const std::string& sql);

/// The first column of the first row the query returns, as text (empty for NULL or no row);
/// throws postgres_error as postgres_execute does.
std::string postgres_value(const std::string& url, const std::string& query);

}  // namespace zomato::testing
