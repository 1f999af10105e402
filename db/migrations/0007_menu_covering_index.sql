-- A restaurant's menu is read from this index alone: it holds every column, so the items
-- come from one or two neighbouring index pages instead of one table seek per item.
DROP INDEX menu_items_by_restaurant;
CREATE INDEX menu_items_by_restaurant
  ON menu_items (restaurant_id, created_at DESC, id, name, description, price_cents, category, is_vegetarian,
                 is_vegan, is_gluten_free, is_available, preparation_time, updated_at);
