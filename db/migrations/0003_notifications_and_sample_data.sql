CREATE TABLE notifications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  order_id INTEGER REFERENCES orders (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at TEXT NOT NULL,
  is_read INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notifications_by_customer ON notifications (customer_id, id DESC);
CREATE INDEX notifications_by_order ON notifications (order_id);

CREATE TABLE sample_records (
  kind TEXT NOT NULL CHECK (kind IN ('restaurant', 'customer')),
  record_id INTEGER NOT NULL,
  PRIMARY KEY (kind, record_id)
);
