#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/money.hpp"
#include "store/failures.hpp"

struct pg_conn;
struct pg_result;

namespace zomato::store::postgres {

/// A failure reported by PostgreSQL that waiting will not cure (a constraint, a syntax error);
/// what may pass (the server gone, shutting down, out of connections, a lock or statement
/// timeout, a full disk, a read-only server) is thrown as store::unavailable instead, and a
/// serialization failure or deadlock as store::conflict.
class error : public store::failure {
 public:
  using store::failure::failure;
};

/// The SQLSTATE of a serialization failure (40001) or deadlock (40P01): the transaction may
/// succeed when run again.
bool is_retryable(std::string_view sqlstate);

class connection;

/// A prepared statement being used: bind its parameters ($1 or ?1, counted from 1), then run()
/// it or walk its rows with next(). Parameters go as text, their types inferred by the server.
/// Failures throw as the connection's do.
class statement {
 public:
  statement(connection& owner, const std::string& name) : owner_(owner), name_(name) {}
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  statement(statement&&) noexcept = default;
  ~statement();

  /// Sets parameter `index` (from 1) to the value, sent as text; never fails.
  statement& bind(int index, std::int64_t value);
  statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  statement& bind(int index, bool value);
  statement& bind(int index, double value);
  statement& bind(int index, std::string_view value);
  statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  statement& bind(int index, std::nullopt_t);
  template <class T>
  statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
  }
  /// Binds each argument to $1, $2, ... in order.
  template <class... Args>
  statement& bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }

  /// Runs the statement on the first call; advances to the next row, false when done.
  bool next();
  /// Runs a statement whose rows are not read; returns how many rows it changed.
  std::int64_t run();

  /// The current row's value in `column` (from 0), read from its text; call after next() gave
  /// true. A NULL reads as 0, false or "" (is_null and the optional_ forms tell it).
  std::int64_t integer(int column) const;
  double real(int column) const;
  /// A boolean column ('t') or an integer one (not 0).
  bool boolean(int column) const;
  std::string text(int column) const;
  bool is_null(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::optional<std::int64_t> optional_integer(int column) const;
  /// A SUM() of integers (numeric, any size), 0 for NULL. Throws error for anything else.
  domain::cents_sum sum(int column) const;

 private:
  struct result_free {
    void operator()(pg_result* result) const;
  };
  void execute();
  const char* value_at(int column) const;

  connection& owner_;
  const std::string& name_;
  std::vector<std::optional<std::string>> values_;
  std::unique_ptr<pg_result, result_free> result_;
  int row_ = -1;
  int rows_ = 0;
};

/// One libpq connection, blocking, with its own cache of prepared statements. Every failure
/// throws: store::unavailable for what may pass, error for the rest. After a failure of the
/// connection itself broken() is true and the connection is of no further use. Not
/// thread-safe: one thread uses it at a time.
class connection {
 public:
  /// Connects to the libpq URL (postgresql://...), within `connect_timeout` (libpq's least is
  /// 2 s; the URL's own connect_timeout wins). Statements fail as store::unavailable (busy) past
  /// `statement_timeout`, a lock is waited for at most `lock_timeout`, and commits are durable
  /// (synchronous_commit on). Throws store::unavailable (io) when the server cannot be reached.
  connection(const std::string& url, std::chrono::milliseconds connect_timeout,
             std::chrono::milliseconds statement_timeout, std::chrono::milliseconds lock_timeout);
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;
  ~connection();

  /// The prepared statement for this SQL text (prepared on its first use), ready to bind.
  /// "?1" placeholders are read as "$1", so that SQL derived for SQLite serves here too.
  statement use(std::string_view sql);
  /// Runs one or more statements without parameters, unprepared.
  void execute(const std::string& sql);
  /// Whether the connection failed for good (the server gone or the protocol out of step).
  bool broken() const;
  /// Whether a transaction is open on it, failed ones included.
  bool in_transaction() const;

 private:
  friend class statement;
  /// Throws store::unavailable or error for a failed result (null: the connection's own failure).
  [[noreturn]] void fail(const pg_result* result, const std::string& what);
  pg_result* execute_prepared(const std::string& name, const std::vector<std::optional<std::string>>& values);

  pg_conn* db_ = nullptr;
  struct sql_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, std::string, sql_hash, std::equal_to<>> prepared_;
};

/// The SQL with each "?<n>" outside quotes written "$<n>".
std::string dollar_placeholders(std::string_view sql);

}  // namespace zomato::store::postgres
