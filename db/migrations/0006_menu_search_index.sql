-- Menu item search counts its matches from this index alone (category, then the dietary and
-- availability flags) instead of reading every row of the category or of the table.
CREATE INDEX menu_items_by_filters
  ON menu_items (category COLLATE NOCASE, is_vegetarian, is_vegan, is_gluten_free, is_available);
