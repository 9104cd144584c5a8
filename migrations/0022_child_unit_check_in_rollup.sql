-- A province's view over many days without reading every venue-day of the province (issue 18): the
-- roll-up job of 0020 also rolls each day up per province, child unit (path_2: the ward of the 2025
-- list, the district of the 2021 one) and venue category, with the same "new after" counts. A
-- province's range then reads its ended days from these rows (≈ 35,000 for Hồ Chí Minh over 21 days at
-- 100,000 venues nationally, instead of ≈ 105,000 venue-days) and only today's venue-days live.
--
-- The rows belong to the day's roll-up (check_in_rollup_days) and go with it: whatever forgets a day
-- for the country forgets it for the provinces.

CREATE TABLE child_unit_day_check_ins (
  day               date NOT NULL REFERENCES check_in_rollup_days (day) ON DELETE CASCADE,
  province          text NOT NULL,
  child_unit        text NOT NULL,
  category          text NOT NULL,
  qr_self           integer NOT NULL,
  qr_staff          integer NOT NULL,
  kiosk             integer NOT NULL,
  paper             integer NOT NULL,
  on_behalf         integer NOT NULL,
  flagged           integer NOT NULL,
  last_check_in_at  timestamptz NOT NULL,
  venues_new_after  integer[] NOT NULL,
  PRIMARY KEY (province, day, child_unit, category)
);

-- The days rolled up before this table existed have no rows in it: forget them, the job rolls them
-- up again (the country view counts from the venue-days meanwhile).
DELETE FROM check_in_rollup_days;
