-- Arrival declarations (F21, seed 003's "khai báo y tế nhập cảnh / khi đến địa phương"): people arriving
-- from abroad or from another province declare where they come from, when they arrive, how, and where
-- they will stay. The declaration itself (person, answers, colour, card) is an ordinary row of
-- `declarations`; its arrival facts live here and go with it (retention deletes the declaration).
ALTER TABLE declarations
  ADD COLUMN kind text NOT NULL DEFAULT 'domestic' CHECK (kind IN ('domestic', 'arrival'));

CREATE TABLE arrivals (
  declaration_id     uuid PRIMARY KEY REFERENCES declarations (id) ON DELETE CASCADE,
  arrival_date       date NOT NULL,
  -- ISO 3166 alpha-2 for arrivals from abroad, or a province of the list in use for domestic ones.
  from_country       text CHECK (from_country ~ '^[A-Z]{2}$'),
  from_province_code text,
  transport          text,
  stay_address       text NOT NULL,
  stay_unit_code     text NOT NULL,
  -- Codes from the province down to the ward of stay: officials over any of them see the arrival.
  stay_unit_path     text[] NOT NULL,
  CHECK ((from_country IS NULL) <> (from_province_code IS NULL))
);
CREATE INDEX arrivals_by_stay_unit ON arrivals USING gin (stay_unit_path);
CREATE INDEX arrivals_by_date ON arrivals (arrival_date);

-- Arrivals per unit of stay and arrival day, kept like the other daily figures (no personal data).
CREATE TABLE unit_day_arrivals (
  unit_code text NOT NULL,
  day       date NOT NULL,
  arrivals  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_code, day)
);
