#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "domain/entities.hpp"
#include "store/pages.hpp"
#include "store/status_column.hpp"

// The columns and statements of an entity, derived from its field declaration
// (domain/entities.hpp): a column per field, named by it, in declaration order. The SQL is
// written with ?1 placeholders; each engine's statement class binds and reads the rows.
namespace zomato::store {

namespace detail {

template <class Value, class Statement>
Statement& bind_value(Statement& to, int index, const Value& value) {
  if constexpr (std::is_same_v<Value, domain::order_status>) {
    return to.bind(index, domain::name_of(value));
  } else {
    return to.bind(index, value);
  }
}

template <class Value, class Statement>
Value column_value(const Statement& row, int column) {
  if constexpr (std::is_same_v<Value, domain::order_status>) {
    return status_at(row, column);
  } else if constexpr (std::is_same_v<Value, std::string>) {
    return row.text(column);
  } else if constexpr (std::is_same_v<Value, std::optional<std::string>>) {
    return row.optional_text(column);
  } else if constexpr (std::is_same_v<Value, std::optional<std::int64_t>>) {
    return row.optional_integer(column);
  } else if constexpr (std::is_same_v<Value, double>) {
    return row.real(column);
  } else if constexpr (std::is_same_v<Value, bool>) {
    return row.boolean(column);
  } else {
    static_assert(std::is_same_v<Value, std::int64_t>, "a column holds text, a number, a flag or a status");
    return row.integer(column);
  }
}

// The columns of the fields `take` accepts, joined by ", ", each as `format` makes it.
template <class Entity, class Take, class Format>
std::string joined_columns(Take take, Format format) {
  std::string out;
  int number = 0;
  domain::for_each_field<Entity>([&](const auto& field) {
    if (!take(field.role)) return;
    if (!out.empty()) out += ", ";
    out += format(field.column, ++number);
  });
  return out;
}

inline bool inserted(domain::field_role role) { return role != domain::field_role::generated; }
inline bool updated(domain::field_role role) {
  return role == domain::field_role::input || role == domain::field_role::set_on_write;
}

}  // namespace detail

/// "id, name, ...": every column of the entity, in the order `read_entity` reads them.
template <class Entity>
std::string column_list() {
  return detail::joined_columns<Entity>([](domain::field_role) { return true; },
                                        [](std::string_view column, int) { return std::string(column); });
}

/// The entity from a row whose columns, from `first` on, are those of `column_list`.
template <class Entity, class Statement>
Entity read_entity(const Statement& row, int first = 0) {
  Entity entity{};
  int column = first;
  domain::for_each_field<Entity>([&](const auto& field) {
    using value_type = typename std::remove_cvref_t<decltype(field)>::value_type;
    entity.*field.member = detail::column_value<value_type>(row, column++);
  });
  return entity;
}

/// "INSERT INTO <table> (every column but the id) VALUES (?1, ...)", for `bind_insert`.
template <class Entity>
std::string insert_sql(std::string_view table) {
  const auto columns =
      detail::joined_columns<Entity>(detail::inserted, [](std::string_view c, int) { return std::string(c); });
  const auto values = detail::joined_columns<Entity>(
      detail::inserted, [](std::string_view, int number) { return "?" + std::to_string(number); });
  return "INSERT INTO " + std::string(table) + " (" + columns + ") VALUES (" + values + ")";
}

/// Binds every field but the id to the statement of `insert_sql`.
template <class Entity, class Statement>
Statement& bind_insert(Statement& insert, const Entity& entity) {
  int index = 0;
  domain::for_each_field<Entity>([&](const auto& field) {
    if (detail::inserted(field.role)) detail::bind_value(insert, ++index, entity.*field.member);
  });
  return insert;
}

/// "INSERT INTO <table> (every column, the id included) VALUES (?1, ...)", for `bind_row`: a
/// row whose id the caller chose.
template <class Entity>
std::string insert_row_sql(std::string_view table) {
  const auto values = detail::joined_columns<Entity>([](domain::field_role) { return true; },
                                                     [](std::string_view, int n) { return "?" + std::to_string(n); });
  return "INSERT INTO " + std::string(table) + " (" + column_list<Entity>() + ") VALUES (" + values + ")";
}

/// Binds every field, the id included, to the statement of `insert_row_sql`.
template <class Entity, class Statement>
Statement& bind_row(Statement& insert, const Entity& entity) {
  int index = 0;
  domain::for_each_field<Entity>([&](const auto& field) { detail::bind_value(insert, ++index, entity.*field.member); });
  return insert;
}

/// "UPDATE <table> SET <input and set_on_write columns> = ?2, ... WHERE id = ?1", for
/// `bind_update`: the fields an update may change.
template <class Entity>
std::string update_sql(std::string_view table) {
  const auto assignments = detail::joined_columns<Entity>(detail::updated, [](std::string_view column, int number) {
    return std::string(column) + " = ?" + std::to_string(number + 1);
  });
  return "UPDATE " + std::string(table) + " SET " + assignments + " WHERE id = ?1";
}

/// Binds the id and every field an update may change to the statement of `update_sql`.
template <class Entity, class Statement>
Statement& bind_update(Statement& update, const Entity& entity) {
  update.bind(1, entity.id);
  int index = 1;
  domain::for_each_field<Entity>([&](const auto& field) {
    if (detail::updated(field.role)) detail::bind_value(update, ++index, entity.*field.member);
  });
  return update;
}

/// The entity in the first row the query returns with `args` bound to ?1, ?2, ..., or
/// nullopt when it returns none. Its columns are those of `column_list`.
template <class Entity, class Connection, class... Args>
std::optional<Entity> first_entity(Connection& db, std::string_view sql, const Args&... args) {
  auto row = db.use(sql);
  row.bind_all(args...);
  if (!row.next()) return std::nullopt;
  return read_entity<Entity>(row);
}

/// One window of a list: `count_sql` counts every row it matches and `rows_sql` selects the
/// window, both with their filters bound by `bind_filters(statement)`; `rows_sql` takes the
/// window's limit and skip in ?<limit_at> and ?<limit_at + 1>.
template <class Entity, class Connection, class Bind>
page_of<Entity> page_of_filtered(Connection& db, std::string_view count_sql, std::string_view rows_sql, page window,
                                 int limit_at, const Bind& bind_filters) {
  page_of<Entity> result;
  {
    auto count = db.use(count_sql);
    bind_filters(count);
    count.next();
    result.total = count.integer(0);
  }
  auto rows = db.use(rows_sql);
  bind_filters(rows);
  rows.bind(limit_at, window.limit).bind(limit_at + 1, window.skip);
  while (rows.next()) result.items.push_back(read_entity<Entity>(rows));
  return result;
}

/// page_of_filtered with `args` bound to ?1, ?2, ... and the limit and skip in the two
/// parameters after them.
template <class Entity, class Connection, class... Args>
page_of<Entity> page_of_entities(Connection& db, std::string_view count_sql, std::string_view rows_sql, page window,
                                 const Args&... args) {
  return page_of_filtered<Entity>(db, count_sql, rows_sql, window, static_cast<int>(sizeof...(Args)) + 1,
                                  [&](auto& filters) { filters.bind_all(args...); });
}

/// The integer in the first column of the first row, or nullopt when there is no row.
template <class Connection, class... Args>
std::optional<std::int64_t> first_integer(Connection& db, std::string_view sql, const Args&... args) {
  auto row = db.use(sql);
  row.bind_all(args...);
  if (!row.next()) return std::nullopt;
  return row.integer(0);
}

}  // namespace zomato::store
