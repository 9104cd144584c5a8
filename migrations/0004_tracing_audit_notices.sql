-- Contact tracing (F12): presence ranges indexed with GiST, the append-only audit of every tracing
-- read, exposure marks on venues, and notices shown on the devices that checked in (F13).

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- The time a check-in occupies its venue: check-in to check-out, or to the default end recorded with
-- it, never more than 24 hours (domain/exposure.ts `presence` is the same rule). Declared IMMUTABLE
-- so it can be indexed: it only adds minutes and hours, which do not depend on the time zone.
CREATE FUNCTION presence(checked_in_at timestamptz, checked_out_at timestamptz, stay_minutes integer)
  RETURNS tstzrange LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT tstzrange(checked_in_at,
                     greatest(checked_in_at,
                              least(coalesce(checked_out_at, checked_in_at + make_interval(mins => stay_minutes)),
                                    checked_in_at + interval '24 hours')),
                     '[)')
  $$;

CREATE INDEX check_ins_presence ON check_ins USING gist (venue_id, presence(checked_in_at, checked_out_at, stay_minutes));
CREATE INDEX check_ins_by_id_number ON check_ins (person_id_number, checked_in_at) WHERE person_id_number IS NOT NULL;
CREATE INDEX check_ins_by_card ON check_ins (card_id, checked_in_at) WHERE card_id IS NOT NULL;

-- Every tracing read: who, when, why, about whom, how much it returned. `area_codes` are the admin
-- units concerned (the reader's unit and the units of the venues in the answer): officials of any of
-- them may review the entry. Nothing may change or remove an entry.
CREATE TABLE audit_log (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at              timestamptz NOT NULL,
  actor_user_id   bigint,
  actor_username  text NOT NULL,
  actor_role      text NOT NULL,
  action          text NOT NULL,
  purpose         text NOT NULL,
  subject         jsonb NOT NULL,
  result          jsonb NOT NULL,
  area_codes      text[] NOT NULL
);
CREATE INDEX audit_log_by_area ON audit_log USING gin (area_codes);
CREATE INDEX audit_log_by_at ON audit_log (at);

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- A tracer marks a venue and a time window as exposure: everyone present then gets a notice.
CREATE TABLE exposure_marks (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  venue_id            bigint NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  from_at             timestamptz NOT NULL,
  to_at               timestamptz NOT NULL CHECK (to_at > from_at),
  note                text,
  created_by_user_id  bigint REFERENCES users (id),
  created_at          timestamptz NOT NULL
);
CREATE INDEX exposure_marks_by_venue ON exposure_marks (venue_id, from_at);

-- A notice attached to one check-in: shown to the device that holds that check-in's token.
CREATE TABLE notices (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  check_in_id    uuid NOT NULL,
  checked_in_at  timestamptz NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('contact', 'venue_exposure')),
  venue_id       bigint NOT NULL,
  exposure_from  timestamptz NOT NULL,
  exposure_to    timestamptz NOT NULL,
  created_at     timestamptz NOT NULL,
  UNIQUE (check_in_id, kind, exposure_from, exposure_to)
);
CREATE INDEX notices_by_checked_in ON notices (checked_in_at);
