-- How many writes changed what cached answers show. Each such write counts itself in its own
-- transaction and its number is announced to the fleet through Redis, so a node that sees the
-- count ahead of what it heard knows a write was never announced (its writer lost Redis or died
-- between the commit and the announcement) and moves the fleet's cache epoch on.
CREATE TABLE write_count (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL
);
INSERT INTO write_count (id, n) VALUES (1, 0);
