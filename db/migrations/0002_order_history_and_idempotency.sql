CREATE TABLE order_status_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
CREATE INDEX order_status_history_by_order ON order_status_history (order_id, id);

CREATE TABLE idempotency_keys (
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  idempotency_key TEXT NOT NULL,
  request TEXT NOT NULL,
  order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (customer_id, idempotency_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
