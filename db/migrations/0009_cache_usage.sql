-- How much each cached request target is used, kept across restarts: the warm start fills the
-- most used first. `score` is a decayed count (each record halves it before adding new uses).
CREATE TABLE cache_usage (
  target TEXT PRIMARY KEY,
  score REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX cache_usage_by_score ON cache_usage (score DESC);
