-- Unique people over a long range merged fewer sketches (issue 18): besides each closed day's sketches,
-- the job stores "spans" of 2, 4, 8… 64 days aligned on their length (counted from 2000-01-01), each the
-- union of its two halves. A range of n days is then covered by about 2·log2(n) stored sketches per
-- unit instead of n: a province's 21 days over its 168 wards read ≈ 840 sketches instead of 3,360.

CREATE TABLE people_sketch_spans (
  first_day  date NOT NULL,
  days       integer NOT NULL CHECK (days >= 2 AND days & (days - 1) = 0),
  built_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (first_day, days)
);

CREATE TABLE unit_span_people_sketches (
  unit_code  text NOT NULL,
  first_day  date NOT NULL,
  days       integer NOT NULL,
  registers  bytea NOT NULL,
  PRIMARY KEY (unit_code, first_day, days),
  FOREIGN KEY (first_day, days) REFERENCES people_sketch_spans (first_day, days) ON DELETE CASCADE
);
CREATE INDEX unit_span_people_sketches_by_span ON unit_span_people_sketches (first_day, days);

-- A day's sketches forgotten (a late check-in, a rebuild, an upgrade) take every span over that day
-- with them, whichever code path forgot it; the job builds them again from the days.
CREATE FUNCTION forget_people_sketch_spans() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM people_sketch_spans s
   WHERE s.first_day <= OLD.day AND s.first_day + s.days > OLD.day;
  RETURN OLD;
END $$;

CREATE TRIGGER people_sketch_days_forget_spans AFTER DELETE ON people_sketch_days
  FOR EACH ROW EXECUTE FUNCTION forget_people_sketch_spans();
