-- Daily aggregates for the officials' dashboard (F9), compliance actions (F10) and export jobs (F11).
-- The aggregates are written in the same transaction as the rows they count and carry no names or
-- phone numbers, so they stay when retention deletes the personal rows.

-- One row per venue and local day. path_1..path_3 are the venue's admin-unit codes from the province
-- down (a two-level list leaves path_3 empty), so a unit's figures are `WHERE path_N = code`. Listed
-- by province, so a province's rows sit together (a province dashboard reads one partition).
CREATE TABLE venue_day_counts (
  venue_id          bigint NOT NULL,
  day               date NOT NULL,
  path_1            text NOT NULL,
  path_2            text,
  path_3            text,
  category          text NOT NULL,
  qr_self           integer NOT NULL DEFAULT 0,
  qr_staff          integer NOT NULL DEFAULT 0,
  kiosk             integer NOT NULL DEFAULT 0,
  paper             integer NOT NULL DEFAULT 0,
  on_behalf         integer NOT NULL DEFAULT 0,
  flagged           integer NOT NULL DEFAULT 0,
  last_check_in_at  timestamptz NOT NULL,
  PRIMARY KEY (path_1, venue_id, day)
) PARTITION BY LIST (path_1);
-- Province codes are two digits in every GSO list; anything else lands in the default partition.
DO $$
BEGIN
  FOR i IN 0..99 LOOP
    EXECUTE format('CREATE TABLE venue_day_counts_p%s PARTITION OF venue_day_counts FOR VALUES IN (%L)',
                   lpad(i::text, 2, '0'), lpad(i::text, 2, '0'));
  END LOOP;
END
$$;
CREATE TABLE venue_day_counts_other PARTITION OF venue_day_counts DEFAULT;
CREATE INDEX venue_day_counts_by_day ON venue_day_counts (day);
CREATE INDEX venue_day_counts_by_path_2 ON venue_day_counts (path_2, day);
CREATE INDEX venue_day_counts_by_path_3 ON venue_day_counts (path_3, day);

-- Who was seen where, as a pseudonymous key (a 64-bit hash of phone and name key), per unit of every
-- level and day: the unique-people figure of a range is a count of distinct keys. Deleted with the
-- check-ins when their retention ends.
CREATE TABLE person_unit_days (
  unit_code   text NOT NULL,
  day         date NOT NULL,
  person_key  bigint NOT NULL,
  PRIMARY KEY (unit_code, day, person_key)
);

-- Declarations, flags and first cards per unit and day ('VN' holds the national figure). A
-- declaration belongs to the unit of the venue where it was made, else to the person's address.
CREATE TABLE unit_day_declarations (
  unit_code     text NOT NULL,
  day           date NOT NULL,
  declarations  integer NOT NULL DEFAULT 0,
  flagged       integer NOT NULL DEFAULT 0,
  cards_issued  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_code, day)
);

-- Registered population of a unit, entered by its officials: the denominator of the card issuance rate.
CREATE TABLE admin_unit_population (
  admin_unit_version  text NOT NULL,
  admin_unit_code     text NOT NULL,
  population          integer NOT NULL CHECK (population > 0),
  updated_by_user_id  bigint REFERENCES users (id),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (admin_unit_version, admin_unit_code)
);

-- "Register the QR before 10/11" (seed 002): a deadline for one category, or every category (NULL).
CREATE TABLE registration_deadlines (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  admin_unit_version  text NOT NULL,
  admin_unit_code     text NOT NULL,
  admin_unit_path     text[] NOT NULL,
  category            text,
  deadline            date NOT NULL,
  note                text,
  created_by_user_id  bigint REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_deadlines_by_unit ON registration_deadlines (admin_unit_code);

-- Reminders from officials to venue managers, shown on the venue page and sent by SMS.
CREATE TABLE reminders (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  venue_id            bigint NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  message             text NOT NULL,
  sent_by_user_id     bigint REFERENCES users (id),
  sent_at             timestamptz NOT NULL DEFAULT now(),
  read_at             timestamptz
);
CREATE INDEX reminders_by_venue ON reminders (venue_id, sent_at DESC);

-- Every text message handed to the SMS gateway (the default gateway only logs and records it here).
CREATE TABLE sms_messages (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phone       text NOT NULL,
  body        text NOT NULL,
  purpose     text NOT NULL,
  gateway     text NOT NULL,
  status      text NOT NULL CHECK (status IN ('logged', 'sent', 'failed')),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sms_messages_by_created ON sms_messages (created_at);

-- Long exports run as jobs whose progress any app node can report.
CREATE TABLE export_jobs (
  id            uuid PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind          text NOT NULL,
  params        jsonb NOT NULL,
  status        text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  done_steps    integer NOT NULL DEFAULT 0,
  total_steps   integer NOT NULL DEFAULT 0,
  filename      text,
  content_type  text,
  body          bytea,
  error         text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
CREATE INDEX export_jobs_by_created ON export_jobs (created_at);
