#include "store/entity_rows.hpp"
#include "store/list_queries.hpp"
#include "store/postgres/repositories.hpp"

namespace zomato::store::postgres {
namespace {

const std::string columns = column_list<domain::order>();
const std::string find_by_id = "SELECT " + columns + " FROM orders WHERE id = ?1";
const std::string lines_of_order =
    "SELECT " + column_list<domain::order_item>() + " FROM order_items WHERE order_id = ?1 ORDER BY id";

std::optional<std::string> status_text(std::optional<domain::order_status> status) {
  if (!status) return std::nullopt;
  return std::string(domain::name_of(*status));
}

// The fields of a line that its order does not give: all but the id and the order's id.
template <class Field>
bool line_value(const Field& field) {
  return field.role != domain::field_role::generated && field.column != "order_id";
}

template <class Value>
std::string_view array_type() {
  if constexpr (std::is_same_v<Value, std::int64_t>) {
    return "bigint[]";
  } else {
    static_assert(std::is_same_v<Value, std::string> || std::is_same_v<Value, std::optional<std::string>>,
                  "a line column holds a number or text");
    return "text[]";
  }
}

// An element of an array literal: a number, or text in double quotes (NULL bare).
void append_element(std::string& array, std::int64_t value) { array += std::to_string(value); }

void append_element(std::string& array, const std::optional<std::string>& value) {
  if (!value) {
    array += "NULL";
    return;
  }
  array += '"';
  for (char c : *value) {
    if (c == '"' || c == '\\') array += '\\';
    array += c;
  }
  array += '"';
}

// The parameters of an order's insert_sql, after which come its lines'.
int order_parameters() {
  int count = 0;
  domain::for_each_field<domain::order>([&](const auto& field) {
    if (field.role != domain::field_role::generated) ++count;
  });
  return count;
}

// One statement inserts the order and all its lines (one round trip whatever their number),
// and returns the order's id with each line's, in the order of the lines: the lines are
// inserted in the order given (WITH ORDINALITY), so their ids rise in it. The lines' values
// come as one array per column, after the order's parameters. The trigger on order_items runs
// at the end of the statement and sees the order.
std::string place_order_sql() {
  int number = order_parameters() + 1;
  std::string inserted = "order_id";
  std::string selected = "placed.id";
  std::string arrays;
  std::string names;
  domain::for_each_field<domain::order_item>([&](const auto& field) {
    using value_type = typename std::remove_cvref_t<decltype(field)>::value_type;
    if (!line_value(field)) return;
    const std::string column(field.column);
    inserted += ", " + column;
    selected += ", line." + column;
    if (!arrays.empty()) arrays += ", ";
    arrays += "?" + std::to_string(number++) + "::" + std::string(array_type<value_type>());
    names += column + ", ";
  });
  return "WITH placed AS (" + insert_sql<domain::order>("orders") +
         " RETURNING id), lines AS (INSERT INTO order_items (" + inserted + ") SELECT " + selected +
         " FROM placed, unnest(" + arrays + ") WITH ORDINALITY AS line(" + names +
         "n) ORDER BY line.n RETURNING id) SELECT placed.id, lines.id FROM placed LEFT JOIN lines ON TRUE "
         "ORDER BY lines.id";
}

const std::string place_order = place_order_sql();

// Binds each line column as one array, from ?<first> on.
void bind_lines(statement& insert, int first, const std::vector<domain::order_item>& items) {
  domain::for_each_field<domain::order_item>([&](const auto& field) {
    if (!line_value(field)) return;
    std::string array = "{";
    for (const auto& item : items) {
      if (array.size() > 1) array += ',';
      append_element(array, item.*field.member);
    }
    array += '}';
    insert.bind(first++, array);
  });
}

}  // namespace

std::optional<domain::order> order_repository::find(domain::id_t id) {
  return first_entity<domain::order>(db_, find_by_id, id);
}

std::vector<domain::order_item> order_repository::items_of(domain::id_t order_id) {
  std::vector<domain::order_item> items;
  auto rows = db_.use(lines_of_order);
  rows.bind_all(order_id);
  while (rows.next()) items.push_back(read_entity<domain::order_item>(rows));
  return items;
}

page_of<domain::order> order_repository::page_by(std::string_view owner_column, domain::id_t owner,
                                                 const order_filter& filter, page window) {
  const auto sql = order_list_sql(owner_column, filter);
  return page_of_filtered<domain::order>(db_, sql.count, sql.rows, window, sql.limit_at, [&](statement& query) {
    query.bind(1, owner).bind(2, status_text(filter.status));
    bind_range(query, sql, filter.placed);
  });
}

page_of<domain::order> order_repository::of_customer(domain::id_t customer_id, const order_filter& filter,
                                                     page window) {
  return page_by("customer_id", customer_id, filter, window);
}

page_of<domain::order> order_repository::of_restaurant(domain::id_t restaurant_id, const order_filter& filter,
                                                       page window) {
  return page_by("restaurant_id", restaurant_id, filter, window);
}

void order_repository::insert(domain::order& o, std::vector<domain::order_item>& items) {
  auto insert = db_.use(place_order);
  bind_insert(insert, o);
  bind_lines(insert, order_parameters() + 1, items);
  std::size_t returned = 0;
  while (insert.next()) {
    o.id = insert.integer(0);
    if (insert.is_null(1)) continue;
    if (returned < items.size()) items[returned].id = insert.integer(1);
    ++returned;
  }
  if (returned != items.size()) throw error("an order's insert returned another number of lines than given");
  for (auto& item : items) item.order_id = o.id;
}

bool order_repository::change_status(domain::id_t id, domain::order_status from, domain::order_status to,
                                     const std::optional<std::string>& delivery_time) {
  return db_.use(
                "UPDATE orders SET order_status = ?3, delivery_time = COALESCE(?4, delivery_time) "
                "WHERE id = ?1 AND order_status = ?2")
             .bind_all(id, domain::name_of(from), domain::name_of(to), delivery_time)
             .run() > 0;
}

void order_repository::record_status(domain::id_t order_id, domain::order_status status, const std::string& at) {
  db_.use("INSERT INTO order_status_history (order_id, status, changed_at) VALUES (?1, ?2, ?3)")
      .bind_all(order_id, domain::name_of(status), at)
      .run();
}

std::vector<domain::status_change> order_repository::history(domain::id_t order_id) {
  std::vector<domain::status_change> changes;
  auto rows = db_.use("SELECT status, changed_at FROM order_status_history WHERE order_id = ?1 ORDER BY id");
  rows.bind_all(order_id);
  while (rows.next()) changes.push_back({status_at(rows, 0), rows.text(1)});
  return changes;
}

domain::restaurant_order_summary order_repository::restaurant_summary(domain::id_t restaurant_id) {
  domain::restaurant_order_summary summary;
  {
    auto statuses = db_.use(
        "SELECT order_status, COUNT(*), SUM(total_cents) FROM orders WHERE restaurant_id = ?1 "
        "GROUP BY order_status ORDER BY order_status");
    statuses.bind_all(restaurant_id);
    while (statuses.next()) {
      const auto status = status_at(statuses, 0);
      summary.by_status.push_back({status, statuses.integer(1)});
      summary.total_orders += statuses.integer(1);
      if (status != domain::order_status::cancelled) summary.revenue += statuses.sum(2);
    }
  }
  {
    auto reviews = db_.use("SELECT COUNT(*), COALESCE(SUM(rating), 0) FROM reviews WHERE restaurant_id = ?1");
    reviews.bind_all(restaurant_id);
    reviews.next();
    summary.review_count = reviews.integer(0);
    summary.rating_sum = reviews.integer(1);
  }
  auto popular = db_.use(
      "SELECT m.id, m.name, s.quantity FROM menu_items m JOIN menu_item_sales s ON s.menu_item_id = m.id "
      "WHERE m.restaurant_id = ?1 AND s.quantity > 0 ORDER BY s.quantity DESC, m.id LIMIT 5");
  popular.bind_all(restaurant_id);
  while (popular.next()) summary.popular_items.push_back({popular.integer(0), popular.text(1), popular.integer(2)});
  return summary;
}

}  // namespace zomato::store::postgres
