#pragma once

#include <memory>
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

/// One connection kept open across statements, for tests that hold locks while the server works.
class postgres_session {
 public:
  /// Connects as postgres_execute does; throws postgres_error.
  explicit postgres_session(const std::string& url);
  ~postgres_session();
  postgres_session(const postgres_session&) = delete;
  postgres_session& operator=(const postgres_session&) = delete;

  /// Runs the SQL and waits for it; throws postgres_error.
  void execute(const std::string& sql);
  /// Sends the SQL without waiting for it (it may wait for a lock); finish() waits.
  void send(const std::string& sql);
  /// Waits for what send() sent; throws postgres_error when it failed.
  void finish();

 private:
  struct handle;
  std::unique_ptr<handle> db_;
};

}  // namespace zomato::testing
