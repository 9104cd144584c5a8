-- Foundation: administrative units (versioned), accounts and sessions, venues with entrances,
-- check-ins partitioned by day, idempotency keys for retried writes, application secrets.

CREATE TABLE admin_unit_versions (
  version     text PRIMARY KEY,
  title       text NOT NULL,
  source      text NOT NULL,
  levels      smallint NOT NULL CHECK (levels BETWEEN 1 AND 3),
  loaded_at   timestamptz NOT NULL DEFAULT now()
);

-- One row per unit per version; a province/district/commune list of another year (for example the
-- 2025 34-province, 2-level structure) is imported as another version beside this one.
CREATE TABLE admin_units (
  version      text NOT NULL REFERENCES admin_unit_versions (version),
  code         text NOT NULL,
  parent_code  text,
  level        smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
  unit_type    text NOT NULL,
  name         text NOT NULL,
  short_name   text NOT NULL,
  PRIMARY KEY (version, code)
);
CREATE INDEX admin_units_by_parent ON admin_units (version, parent_code, code);

-- Keys the application generates itself when they are not configured (venue-code HMAC key).
-- Stored in the database so that every app node behind a load balancer signs the same way.
CREATE TABLE app_secrets (
  name        text PRIMARY KEY,
  value       bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username         text NOT NULL UNIQUE,
  password_hash    text NOT NULL,
  role             text NOT NULL CHECK (role IN ('admin', 'official', 'tracer', 'venue_manager', 'venue_staff')),
  admin_unit_version text,
  admin_unit_code  text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  disabled_at      timestamptz
);

-- Server-side sessions: the cookie holds a random token, the table its SHA-256.
CREATE TABLE sessions (
  token_hash  bytea PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE login_failures (
  username  text NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_by_username ON login_failures (username, at);

CREATE TABLE venues (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name                 text NOT NULL,
  category             text NOT NULL,
  admin_unit_version   text NOT NULL,
  admin_unit_code      text NOT NULL,
  -- Codes from the province down to the venue's unit: scope checks are `path @> ARRAY[code]`.
  admin_unit_path      text[] NOT NULL,
  address              text NOT NULL,
  contact_name         text NOT NULL,
  contact_phone        text NOT NULL,
  capacity             integer CHECK (capacity > 0),
  default_stay_minutes integer CHECK (default_stay_minutes BETWEEN 1 AND 1440),
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  status_reason        text,
  registered_by        text NOT NULL CHECK (registered_by IN ('self', 'official')),
  created_by_user_id   bigint REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (admin_unit_version, admin_unit_code) REFERENCES admin_units (version, code)
);
CREATE INDEX venues_by_admin_unit_path ON venues USING gin (admin_unit_path);

-- Each entrance has its own QR; the public id is what the signed code carries.
CREATE TABLE venue_entrances (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  venue_id    bigint NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  name        text NOT NULL,
  public_id   text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX venue_entrances_by_venue ON venue_entrances (venue_id);

CREATE TABLE user_venues (
  user_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  venue_id  bigint NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, venue_id)
);
CREATE INDEX user_venues_by_venue ON user_venues (venue_id);

-- Check-ins, one partition per local day (created ahead by the app; retention drops old ones).
-- A stay without check-out ends `stay_minutes` after check-in; the value is copied from the venue
-- (or the configured default) when the check-in is recorded.
CREATE TABLE check_ins (
  id                      uuid NOT NULL,
  venue_id                bigint NOT NULL,
  entrance_id             bigint NOT NULL,
  checked_in_at           timestamptz NOT NULL,
  checked_out_at          timestamptz,
  checkout_reason         text CHECK (checkout_reason IN ('self', 'staff', 'next_check_in')),
  stay_minutes            integer NOT NULL CHECK (stay_minutes BETWEEN 1 AND 1440),
  channel                 text NOT NULL CHECK (channel IN ('qr_self', 'qr_staff', 'kiosk', 'paper', 'on_behalf')),
  person_phone            text NOT NULL,
  person_full_name        text NOT NULL,
  -- lower-cased, space-collapsed name: family members share a phone but not a name
  person_name_key         text NOT NULL,
  person_id_number        text,
  person_birth_year       smallint,
  person_sex              text,
  person_nationality      text,
  person_admin_unit_code  text,
  person_address          text,
  flagged                 boolean NOT NULL DEFAULT false,
  recorded_by_user_id     bigint,
  created_at              timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, checked_in_at)
) PARTITION BY RANGE (checked_in_at);
CREATE INDEX check_ins_by_venue_time ON check_ins (venue_id, checked_in_at);
CREATE INDEX check_ins_by_phone_time ON check_ins (person_phone, checked_in_at);

-- Idempotency keys of retried writes: the first result for a clientId is the answer to every retry.
CREATE TABLE client_requests (
  client_id      uuid PRIMARY KEY,
  kind           text NOT NULL,
  result_id      uuid NOT NULL,
  result_at      timestamptz NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX client_requests_by_created ON client_requests (created_at);
