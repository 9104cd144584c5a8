-- The per-venue table (F9, GET /api/stats/venues) over many days without adding up every venue-day of
-- the range (issue 18): the roll-up job also sums each venue's ended days over aligned spans of 2, 4,
-- 8… 64 days (a span of n days starts on a day whose number since 2000-01-01 is a multiple of n, as the
-- people sketches' spans do), each from its two halves. A range is then covered from its first day by
-- the longest spans that fit (21 days: 5 spans or days a venue instead of 21), the rest from
-- venue_day_counts.
--
-- A span is built only when every day of it has a complete roll-up (check_in_rollup_days), under the
-- roll-up lock; whatever forgets a day's roll-up (a late paper form, a venue moved, a rebuild, the
-- 2025 upgrade) forgets the spans over that day in the same transaction (forgetRollupDays).

CREATE TABLE venue_count_spans (
  first_day  date NOT NULL,
  days       integer NOT NULL CHECK (days >= 2),
  built_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (first_day, days)
);

-- One row per venue active in the span; the paths as venue_day_counts has them (the same scopes).
CREATE TABLE venue_span_counts (
  first_day         date NOT NULL,
  days              integer NOT NULL,
  venue_id          bigint NOT NULL,
  path_1            text NOT NULL,
  path_2            text,
  path_3            text,
  electronic        integer NOT NULL,
  paper             integer NOT NULL,
  last_check_in_at  timestamptz NOT NULL,
  PRIMARY KEY (first_day, days, path_1, venue_id),
  FOREIGN KEY (first_day, days) REFERENCES venue_count_spans ON DELETE CASCADE
);
