#include "store/postgres/bulk_loader.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "store/entity_rows.hpp"
#include "store/postgres/connection.hpp"

namespace zomato::store::postgres {
namespace {

using result_ptr = std::unique_ptr<PGresult, decltype(&PQclear)>;

// Throws store::unavailable when the connection is lost, error for any other failure.
[[noreturn]] void fail(pg_conn* db, const std::string& message) {
  if (PQstatus(db) != CONNECTION_OK) throw store::unavailable(store::unavailable_reason::io, message);
  throw error(message);
}

// Runs SQL without parameters; the result of its last statement.
result_ptr run(pg_conn* db, const std::string& sql) {
  result_ptr result(PQexec(db, sql.c_str()), &PQclear);
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    fail(db, sql + ": " + (result ? PQresultErrorMessage(result.get()) : PQerrorMessage(db)));
  }
  return result;
}

// Sends `rows` (COPY's text format) by `copy_sql`, a COPY ... FROM STDIN.
void copy(pg_conn* db, const std::string& copy_sql, std::string_view rows) {
  {
    const result_ptr started(PQexec(db, copy_sql.c_str()), &PQclear);
    if (PQresultStatus(started.get()) != PGRES_COPY_IN) {
      fail(db, copy_sql + ": " + (started ? PQresultErrorMessage(started.get()) : PQerrorMessage(db)));
    }
  }
  constexpr std::size_t chunk = std::size_t{1} << 20;
  std::string problem;
  for (std::size_t at = 0; at < rows.size() && problem.empty(); at += chunk) {
    const auto size = std::min(chunk, rows.size() - at);
    if (PQputCopyData(db, rows.data() + at, static_cast<int>(size)) != 1) problem = PQerrorMessage(db);
  }
  // The COPY ends in every case, so that the connection stays in step for the ROLLBACK.
  if (PQputCopyEnd(db, problem.empty() ? nullptr : "sending the rows failed") != 1 && problem.empty()) {
    problem = PQerrorMessage(db);
  }
  while (PGresult* raw = PQgetResult(db)) {
    const result_ptr result(raw, &PQclear);
    if (PQresultStatus(raw) != PGRES_COMMAND_OK && problem.empty()) problem = PQresultErrorMessage(raw);
  }
  if (!problem.empty()) fail(db, copy_sql + ": " + problem);
}

// A value in COPY's text format: \N for NULL, t/f for booleans, doubles in full precision, and
// text with backslash, tab, newline and carriage return escaped.
void append_value(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}
void append_value(std::string& out, const std::string& text) { append_value(out, std::string_view(text)); }
void append_value(std::string& out, std::int64_t number) {
  std::array<char, 24> digits{};
  const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), number).ptr;
  out.append(digits.data(), end);
}
void append_value(std::string& out, bool flag) { out += flag ? 't' : 'f'; }
void append_value(std::string& out, double number) {
  std::array<char, 32> digits{};
  const int size = std::snprintf(digits.data(), digits.size(), "%.17g", number);
  out.append(digits.data(), static_cast<std::size_t>(size));
}
void append_value(std::string& out, domain::order_status status) { append_value(out, domain::name_of(status)); }
template <class T>
void append_value(std::string& out, const std::optional<T>& value) {
  if (value) {
    append_value(out, *value);
  } else {
    out += "\\N";
  }
}

// One line of COPY: every field of the entity, in the order of column_list.
template <class Entity>
void append_row(std::string& out, const Entity& row) {
  bool first = true;
  domain::for_each_field<Entity>([&](const auto& field) {
    if (!first) out += '\t';
    first = false;
    append_value(out, row.*field.member);
  });
  out += '\n';
}

template <class Entity>
std::string copy_sql(std::string_view table) {
  return "COPY " + std::string(table) + " (" + column_list<Entity>() + ") FROM STDIN";
}

// The tables the seed fills, in foreign key order: each refers only to those before it.
constexpr std::array<std::string_view, 7> seeded_tables{"restaurants", "menu_items",           "customers", "orders",
                                                        "order_items", "order_status_history", "reviews"};
enum seeded_table : std::size_t { restaurants, menu_items, customers, orders, order_items, status_history, reviews };

// One batch: the rows of each table in COPY's text format, in the order of seeded_tables.
using table_rows = std::array<std::string, seeded_tables.size()>;

// The COPY of each table, in the order of seeded_tables, with the columns of its entity.
const table_rows& copy_statements() {
  static const table_rows statements{copy_sql<domain::restaurant>(seeded_tables[restaurants]),
                                     copy_sql<domain::menu_item>(seeded_tables[menu_items]),
                                     copy_sql<domain::customer>(seeded_tables[customers]),
                                     copy_sql<domain::order>(seeded_tables[orders]),
                                     copy_sql<domain::order_item>(seeded_tables[order_items]),
                                     "COPY order_status_history (id, order_id, status, changed_at) FROM STDIN",
                                     copy_sql<domain::review>(seeded_tables[reviews])};
  return statements;
}

// Buffers the generator's rows per table and sends them all, each table in foreign key order,
// each time they pass the flush size; sends the ratings once every row is in.
class copy_sink final : public seed_sink {
 public:
  copy_sink(pg_conn* db, std::size_t flush_bytes, std::function<void()> flushed)
      : db_(db), flush_bytes_(flush_bytes), flushed_(std::move(flushed)) {}

  void add_restaurant(const domain::restaurant& row) override { add(restaurants, row); }
  void add_menu_item(const domain::menu_item& row) override { add(menu_items, row); }
  void add_customer(const domain::customer& row) override { add(customers, row); }
  void add_order(const domain::order& row) override { add(orders, row); }
  void add_order_item(const domain::order_item& row) override { add(order_items, row); }
  void add_review(const domain::review& row) override { add(reviews, row); }
  void add_status_change(const seed_status_change& row) override {
    auto& out = rows_[status_history];
    const auto before = out.size();
    append_value(out, row.id);
    out += '\t';
    append_value(out, row.order_id);
    out += '\t';
    append_value(out, row.status);
    out += '\t';
    append_value(out, row.changed_at);
    out += '\n';
    added(out.size() - before);
  }

  void set_ratings(const std::vector<seed_rating>& ratings) override {
    flush();
    run(db_,
        "CREATE TEMPORARY TABLE seed_ratings (restaurant_id BIGINT PRIMARY KEY, rating DOUBLE PRECISION) "
        "ON COMMIT DROP");
    std::string out;
    for (const auto& each : ratings) {
      append_value(out, each.restaurant_id);
      out += '\t';
      append_value(out, each.rating);
      out += '\n';
    }
    copy(db_, "COPY seed_ratings (restaurant_id, rating) FROM STDIN", out);
    run(db_, "UPDATE restaurants r SET rating = s.rating FROM seed_ratings s WHERE r.id = s.restaurant_id");
  }

 private:
  template <class Entity>
  void add(seeded_table into, const Entity& row) {
    auto& out = rows_[into];
    const auto before = out.size();
    append_row(out, row);
    added(out.size() - before);
  }

  void added(std::size_t bytes) {
    buffered_ += bytes;
    if (buffered_ >= flush_bytes_) flush();
  }

  void flush() {
    for (std::size_t t = 0; t < rows_.size(); ++t) {
      if (rows_[t].empty()) continue;
      copy(db_, copy_statements()[t], rows_[t]);
      rows_[t].clear();
    }
    buffered_ = 0;
    if (flushed_) flushed_();
  }

  pg_conn* db_;
  std::size_t flush_bytes_;
  std::function<void()> flushed_;
  table_rows rows_;
  std::size_t buffered_ = 0;
};

// Rolls the transaction back unless it was committed.
class transaction {
 public:
  explicit transaction(pg_conn* db) : db_(db) { run(db_, "BEGIN"); }
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;
  ~transaction() {
    if (!open_) return;
    const result_ptr ignored(PQexec(db_, "ROLLBACK"), &PQclear);
  }
  void commit() {
    open_ = false;
    run(db_, "COMMIT");
  }

 private:
  pg_conn* db_;
  bool open_ = true;
};

// Each seeded table's name, after `before` and joined by ", ", as `format` makes it.
template <class Format>
std::string for_each_table(std::string before, Format format) {
  for (std::size_t t = 0; t < seeded_tables.size(); ++t) {
    before += (t == 0 ? "" : ", ") + format(std::string(seeded_tables[t]));
  }
  return before;
}

// What the load sets aside while it writes: the foreign keys of the tables it fills and those
// tables' indexes that back no constraint, as the statements that drop them and, indexes first,
// those that make them again from their definitions in the catalog. Building an index from all
// the rows and checking a foreign key by one join cost a fraction of keeping them row by row.
struct set_aside {
  std::vector<std::string> drops;
  std::vector<std::string> restores;
};

set_aside set_aside_of(pg_conn* db) {
  const std::string tables =
      for_each_table("'{", [](const std::string& table) { return table; }) + ", menu_item_sales}'::regclass[]";
  const auto found = run(db, "WITH seeded (id) AS (SELECT unnest(" + tables + ")) " +
                                 "SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname), "
                                 "format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, "
                                 "pg_get_constraintdef(oid)), 1 AS step FROM pg_constraint "
                                 "WHERE contype = 'f' AND conrelid IN (SELECT id FROM seeded) UNION ALL "
                                 "SELECT format('DROP INDEX %s', indexrelid::regclass), pg_get_indexdef(indexrelid), 0 "
                                 "FROM pg_index WHERE NOT indisunique AND indrelid IN (SELECT id FROM seeded) "
                                 "ORDER BY 3, 1");
  set_aside statements;
  for (int row = 0; row < PQntuples(found.get()); ++row) {
    statements.drops.emplace_back(PQgetvalue(found.get(), row, 0));
    statements.restores.emplace_back(PQgetvalue(found.get(), row, 1));
  }
  return statements;
}

}  // namespace

bulk_loader::bulk_loader(const std::string& url, std::size_t flush_bytes)
    : flush_bytes_(std::max<std::size_t>(1, flush_bytes)) {
  // No statement timeout: the transaction's last statements read every row written.
  const char* keywords[] = {"dbname", "connect_timeout", "options", "application_name", "client_encoding", nullptr};
  const char* values[] = {url.c_str(), "10", "-c statement_timeout=0", "zomato-api seed", "UTF8", nullptr};
  db_ = PQconnectdbParams(keywords, values, 1);
  if (PQstatus(db_) != CONNECTION_OK) {
    const std::string message = db_ ? PQerrorMessage(db_) : "out of memory";
    PQfinish(db_);
    throw store::unavailable(store::unavailable_reason::io, "cannot connect to PostgreSQL: " + message);
  }
}

bulk_loader::~bulk_loader() { PQfinish(db_); }

bool bulk_loader::is_empty() {
  const auto result = run(db_,
                          "SELECT NOT (EXISTS (SELECT 1 FROM restaurants) OR EXISTS (SELECT 1 FROM menu_items) OR "
                          "EXISTS (SELECT 1 FROM customers) OR EXISTS (SELECT 1 FROM orders))");
  return PQgetvalue(result.get(), 0, 0)[0] == 't';
}

seed_counts bulk_loader::load(const seed_plan& plan, const std::function<void(const seed_counts&)>& progress) {
  seed_generator generate(plan);
  {
    transaction load(db_);
    // First, as its lock makes a second seed wait here and then find the rows of the first.
    run(db_, "ALTER TABLE order_items DISABLE TRIGGER menu_item_sales_after_line");
    if (!is_empty()) throw seed_target_not_empty();
    const auto schema = set_aside_of(db_);
    for (const auto& drop : schema.drops) run(db_, drop);
    copy_sink sink(db_, flush_bytes_, [&] {
      if (progress) progress(generate.counts());
    });
    generate.run(sink);
    run(db_,
        "INSERT INTO menu_item_sales (menu_item_id, quantity) "
        "SELECT i.menu_item_id, SUM(i.quantity) FROM order_items i JOIN orders o ON o.id = i.order_id "
        "WHERE o.order_status <> 'cancelled' GROUP BY i.menu_item_id");
    for (const auto& restore : schema.restores) run(db_, restore);
    run(db_, "ALTER TABLE order_items ENABLE TRIGGER menu_item_sales_after_line");
    run(db_, for_each_table("SELECT ", [](const std::string& table) {
          return "setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM " +
                 table + "), false)";
        }));
    run(db_, for_each_table("ANALYZE menu_item_sales, ", [](const std::string& table) { return table; }));
    load.commit();
  }
  return generate.counts();
}

}  // namespace zomato::store::postgres
