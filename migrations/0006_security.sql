-- Security (issue 11): login attempts per address (throttling without account lock-outs), kiosk
-- devices with their own tokens, fingerprints of the signing keys (the keys themselves live outside
-- the database), sealed personal columns with keyed look-up hashes.

-- Every login attempt: failures slow the address that sends them; a success makes the address known
-- to that account. Shared by every app node. Kept 30 days (retention job).
CREATE TABLE login_attempts (
  username   text NOT NULL,
  address    text NOT NULL,
  at         timestamptz NOT NULL,
  succeeded  boolean NOT NULL
);
CREATE INDEX login_attempts_by_address ON login_attempts (address, at) WHERE NOT succeeded;
CREATE INDEX login_attempts_by_username ON login_attempts (username, at);
DROP TABLE login_failures;

-- An unattended kiosk ("thiết bị tự động") records check-ins at one venue with a device token; the
-- table keeps only the token's SHA-256.
CREATE TABLE kiosks (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  venue_id            bigint NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  name                text NOT NULL,
  token_hash          bytea NOT NULL UNIQUE,
  created_by_user_id  bigint REFERENCES users (id),
  created_at          timestamptz NOT NULL,
  revoked_at          timestamptz
);
CREATE INDEX kiosks_by_venue ON kiosks (venue_id);

-- Which master keys nodes use, by fingerprint only: a node started with a different key under the
-- same id, or with no key while others have one, refuses to start.
CREATE TABLE signing_key_fingerprints (
  key_id       text PRIMARY KEY,
  fingerprint  bytea NOT NULL,
  first_seen   timestamptz NOT NULL DEFAULT now()
);

-- ID numbers are sealed (AES-GCM, key outside the database) in person_id_number; person_id_hash is a
-- keyed hash for tracing look-ups. Health answers of a declaration are sealed in answers_sealed.
ALTER TABLE check_ins ADD COLUMN person_id_hash bytea;
DROP INDEX check_ins_by_id_number;
CREATE INDEX check_ins_by_id_hash ON check_ins (person_id_hash, checked_in_at) WHERE person_id_hash IS NOT NULL;
ALTER TABLE declarations ADD COLUMN person_id_hash bytea;
ALTER TABLE declarations ADD COLUMN answers_sealed text;
ALTER TABLE declarations ALTER COLUMN symptoms DROP NOT NULL;
ALTER TABLE declarations ALTER COLUMN exposure DROP NOT NULL;
ALTER TABLE cards ADD COLUMN person_id_hash bytea;

-- One-off upgrades of existing rows done by the app at start (they need keys the database does not
-- hold), each recorded once done so later starts skip it.
CREATE TABLE data_upgrades (
  name     text PRIMARY KEY,
  done_at  timestamptz NOT NULL DEFAULT now()
);
