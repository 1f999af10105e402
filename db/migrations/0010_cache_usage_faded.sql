-- When the usage book last faded the scores of cache_usage. Every server process on the file
-- records into the same table, so the fade follows the time since any of them last recorded,
-- not since each one's own last record (which would fade the scores once per process).
CREATE TABLE cache_usage_faded (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  at REAL NOT NULL
);
