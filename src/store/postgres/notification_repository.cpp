#include "store/postgres/repositories.hpp"

namespace zomato::store::postgres {

void notification_repository::add(domain::notification& n) {
  auto insert = db_.use(
      "INSERT INTO notifications (customer_id, order_id, kind, title, message, created_at, is_read) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");
  insert.bind_all(n.customer_id, n.order_id, n.kind, n.title, n.message, n.created_at, n.read);
  insert.next();
  n.id = insert.integer(0);
}

void notification_repository::mark_order_read(domain::id_t order_id) {
  db_.use("UPDATE notifications SET is_read = TRUE WHERE order_id = ?1 AND NOT is_read").bind_all(order_id).run();
}

std::vector<domain::notification> notification_repository::of_customer(domain::id_t customer_id, std::int64_t limit) {
  std::vector<domain::notification> notes;
  auto rows = db_.use(
      "SELECT id, customer_id, order_id, kind, title, message, created_at, is_read FROM notifications "
      "WHERE customer_id = ?1 ORDER BY id DESC LIMIT ?2");
  rows.bind_all(customer_id, limit);
  while (rows.next()) {
    notes.push_back({rows.integer(0), rows.integer(1), rows.optional_integer(2), rows.text(3), rows.text(4),
                     rows.text(5), rows.text(6), rows.boolean(7)});
  }
  return notes;
}

std::int64_t notification_repository::unread_count(domain::id_t customer_id) {
  auto row = db_.use("SELECT COUNT(*) FROM notifications WHERE customer_id = ?1 AND NOT is_read");
  row.bind_all(customer_id);
  row.next();
  return row.integer(0);
}

}  // namespace zomato::store::postgres
