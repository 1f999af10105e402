-- One row that readiness checks rewrite to see whether writes succeed again after a failure.
CREATE TABLE write_probe (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  written_at TEXT NOT NULL
);
