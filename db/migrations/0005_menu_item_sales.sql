-- How many of each menu item were sold in orders that are not cancelled, kept by triggers on
-- every write to orders and their items: a restaurant's popular items read one row per menu
-- item instead of every line of every order.
CREATE TABLE menu_item_sales (
  menu_item_id INTEGER PRIMARY KEY REFERENCES menu_items (id) ON DELETE CASCADE,
  quantity INTEGER NOT NULL
);

INSERT INTO menu_item_sales (menu_item_id, quantity)
SELECT oi.menu_item_id, SUM(oi.quantity) FROM order_items oi JOIN orders o ON o.id = oi.order_id
WHERE o.order_status <> 'cancelled' GROUP BY oi.menu_item_id;

CREATE TRIGGER menu_item_sales_after_line AFTER INSERT ON order_items
WHEN (SELECT order_status FROM orders WHERE id = NEW.order_id) <> 'cancelled'
BEGIN
  INSERT INTO menu_item_sales (menu_item_id, quantity) VALUES (NEW.menu_item_id, NEW.quantity)
  ON CONFLICT (menu_item_id) DO UPDATE SET quantity = quantity + excluded.quantity;
END;

CREATE TRIGGER menu_item_sales_after_cancel AFTER UPDATE OF order_status ON orders
WHEN NEW.order_status = 'cancelled' AND OLD.order_status <> 'cancelled'
BEGIN
  UPDATE menu_item_sales
  SET quantity = quantity - (SELECT SUM(oi.quantity) FROM order_items oi
                             WHERE oi.order_id = NEW.id AND oi.menu_item_id = menu_item_sales.menu_item_id)
  WHERE menu_item_id IN (SELECT menu_item_id FROM order_items WHERE order_id = NEW.id);
END;

-- Before the order's lines go with it (ON DELETE CASCADE).
CREATE TRIGGER menu_item_sales_before_order_delete BEFORE DELETE ON orders
WHEN OLD.order_status <> 'cancelled'
BEGIN
  UPDATE menu_item_sales
  SET quantity = quantity - (SELECT SUM(oi.quantity) FROM order_items oi
                             WHERE oi.order_id = OLD.id AND oi.menu_item_id = menu_item_sales.menu_item_id)
  WHERE menu_item_id IN (SELECT menu_item_id FROM order_items WHERE order_id = OLD.id);
END;
