CREATE TABLE restaurants (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  description TEXT,
  cuisine_type TEXT NOT NULL,
  address TEXT NOT NULL,
  phone_number TEXT NOT NULL,
  rating REAL NOT NULL DEFAULT 0.0 CHECK (rating >= 0.0 AND rating <= 5.0),
  is_active INTEGER NOT NULL DEFAULT 1,
  opening_time TEXT,
  closing_time TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX restaurants_by_newest ON restaurants (created_at DESC, id);
CREATE INDEX restaurants_by_cuisine ON restaurants (cuisine_type COLLATE NOCASE);
CREATE INDEX restaurants_by_active ON restaurants (is_active, created_at DESC, id);

CREATE TABLE menu_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT,
  price_cents INTEGER NOT NULL CHECK (price_cents > 0),
  category TEXT NOT NULL,
  is_vegetarian INTEGER NOT NULL DEFAULT 0,
  is_vegan INTEGER NOT NULL DEFAULT 0,
  is_gluten_free INTEGER NOT NULL DEFAULT 0,
  is_available INTEGER NOT NULL DEFAULT 1,
  preparation_time INTEGER CHECK (preparation_time >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX menu_items_by_restaurant ON menu_items (restaurant_id, created_at DESC, id);
CREATE INDEX menu_items_by_category ON menu_items (category COLLATE NOCASE, created_at DESC, id);
CREATE INDEX menu_items_by_newest ON menu_items (created_at DESC, id);

CREATE TABLE customers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  phone_number TEXT NOT NULL,
  address TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX customers_by_newest ON customers (created_at DESC, id);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants (id) ON DELETE CASCADE,
  order_status TEXT NOT NULL DEFAULT 'placed' CHECK (order_status IN
    ('placed', 'confirmed', 'preparing', 'out_for_delivery', 'delivered', 'cancelled')),
  total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
  delivery_address TEXT NOT NULL,
  special_instructions TEXT,
  order_date TEXT NOT NULL,
  delivery_time TEXT
);
CREATE INDEX orders_by_customer ON orders (customer_id, order_date DESC, id);
CREATE INDEX orders_by_restaurant ON orders (restaurant_id, order_date DESC, id);
CREATE INDEX orders_by_date ON orders (order_date);
CREATE INDEX orders_by_status ON orders (order_status);

CREATE TABLE order_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  menu_item_id INTEGER NOT NULL REFERENCES menu_items (id),
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  item_price_cents INTEGER NOT NULL CHECK (item_price_cents >= 0),
  special_requests TEXT
);
CREATE INDEX order_items_by_order ON order_items (order_id);
CREATE INDEX order_items_by_menu_item ON order_items (menu_item_id);

CREATE TABLE reviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants (id) ON DELETE CASCADE,
  order_id INTEGER NOT NULL UNIQUE REFERENCES orders (id) ON DELETE CASCADE,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX reviews_by_customer ON reviews (customer_id, created_at DESC, id);
CREATE INDEX reviews_by_restaurant ON reviews (restaurant_id, created_at DESC, id);
