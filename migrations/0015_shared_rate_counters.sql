-- Per-address request counters every app node sees (issue 17: limits hold across nodes).
-- UNLOGGED: no WAL, so counting costs no fsync and is not replicated; a crash of the server empties
-- the table, which forgives at most one minute of requests.
CREATE UNLOGGED TABLE rate_counters (
  key text NOT NULL,
  -- End of the fixed window the count belongs to, in ms since the epoch.
  window_ends bigint NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (key, window_ends)
);
