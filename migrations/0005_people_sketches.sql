-- Unique people over long ranges (F9) without counting millions of keys per request: for every closed
-- local day, a HyperLogLog sketch of the people seen in each unit down to district level (communes are
-- small enough to count exactly). Sketches hold 4,096 one-byte registers derived from the person keys
-- of person_unit_days; they are built by a job (services/people-sketches.ts), carry no personal data
-- and stay when retention deletes the keys.

-- The days whose sketches are built. A check-in recorded later for such a day (a paper form typed in
-- afterwards) deletes the day's row, and its sketches with it, until the job builds them again.
CREATE TABLE people_sketch_days (
  day       date PRIMARY KEY,
  built_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE unit_day_people_sketches (
  unit_code  text NOT NULL,
  day        date NOT NULL REFERENCES people_sketch_days (day) ON DELETE CASCADE,
  registers  bytea NOT NULL,
  PRIMARY KEY (unit_code, day)
);
CREATE INDEX unit_day_people_sketches_by_day ON unit_day_people_sketches (day);

-- The register a person key falls in is its low 12 bits; the rank is the position of the first 1-bit
-- in the next 51 bits (52 when they are all 0). The same rule as domain/people-sketch.ts.
CREATE FUNCTION people_sketch_rank(person_key bigint) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT COALESCE(NULLIF(position(B'1' IN (person_key >> 12)::bit(51)), 0), 52) $$;
