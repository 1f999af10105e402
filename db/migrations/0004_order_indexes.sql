-- A restaurant's analytics read only these two indexes: its orders with their status and
-- total, and each order's items with their quantity, without visiting the table rows.
DROP INDEX orders_by_restaurant;
CREATE INDEX orders_by_restaurant ON orders (restaurant_id, order_date DESC, id, order_status, total_cents);
DROP INDEX order_items_by_order;
CREATE INDEX order_items_by_order ON order_items (order_id, menu_item_id, quantity);
-- Every status filter also names the restaurant or the customer; this index only cost writes.
DROP INDEX orders_by_status;
