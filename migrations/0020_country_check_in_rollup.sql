-- The country view (F9, the national admin) without rolling up every venue-day of the range on each
-- request (issue 18): a job rolls each day's venue_day_counts up per province and venue category.
-- Sums add up over days; active venues over a range do not (a venue active on ten days is one active
-- venue), so each row also counts, for k = 0 … 63, the venues active that day that were active on
-- none of the k days before (`venues_new_after[k + 1]`). A range [from, to] of at most 64 days then has
-- sum over its days d of venues_new_after[d - from + 1] active venues: each venue counted once, on
-- its first active day in the range.
--
-- A day is rolled up once it has ended (`complete`); the day in progress has a snapshot, rebuilt by
-- every round of the job (`complete = false`), with a snapshot of its people per province. Whatever
-- changes a day's counts afterwards (a late check-in, a venue moved, a rebuild, the 2025 upgrade)
-- forgets that day and the 63 after it (their "new after" counts looked back at it); the job rolls
-- them up again, and meanwhile the country view counts from venue_day_counts.

CREATE TABLE check_in_rollup_days (
  day       date PRIMARY KEY,
  complete  boolean NOT NULL,
  built_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE province_day_check_ins (
  day               date NOT NULL REFERENCES check_in_rollup_days (day) ON DELETE CASCADE,
  province          text NOT NULL,
  category          text NOT NULL,
  qr_self           integer NOT NULL,
  qr_staff          integer NOT NULL,
  kiosk             integer NOT NULL,
  paper             integer NOT NULL,
  on_behalf         integer NOT NULL,
  flagged           integer NOT NULL,
  last_check_in_at  timestamptz NOT NULL,
  venues_new_after  integer[] NOT NULL,
  PRIMARY KEY (day, province, category)
);

-- The people of the day in progress per province, as a sketch (the ended days have their sketches in
-- unit_day_people_sketches): the country's unique people no longer read today's keys of every province.
CREATE TABLE province_day_people_snapshots (
  day        date NOT NULL REFERENCES check_in_rollup_days (day) ON DELETE CASCADE,
  province   text NOT NULL,
  registers  bytea NOT NULL,
  PRIMARY KEY (day, province)
);
