-- The writes that changed what cached answers show. Each such write counts itself in its own
-- transaction (n) and its number is announced to the fleet through Redis; a writer that knows it
-- cannot announce a write (out of touch with Redis) adds to `unannounced`. A node that sees
-- `unannounced` move, or n stay ahead of what it heard, moves the fleet's cache epoch on.
CREATE TABLE write_count (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL,
  unannounced INTEGER NOT NULL
);
INSERT INTO write_count (id, n, unannounced) VALUES (1, 0, 0);
