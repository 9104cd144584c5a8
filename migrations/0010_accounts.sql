-- Account management (issue 14): a password reset by someone else is temporary (its owner must choose
-- a new one at the next login), and lists show when each account last logged in.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN last_login_at timestamptz;

-- Codes from the province down to a unit of a version (empty when unknown): an account's area.
CREATE FUNCTION admin_unit_path_of(v text, c text) RETURNS text[] LANGUAGE sql STABLE AS $$
  WITH RECURSIVE up AS (
    SELECT code, parent_code, level FROM admin_units WHERE version = v AND code = c
    UNION ALL
    SELECT a.code, a.parent_code, a.level FROM admin_units a JOIN up ON a.version = v AND a.code = up.parent_code
  )
  SELECT COALESCE(array_agg(code ORDER BY level), '{}') FROM up
$$;

-- One-time links that create the first national admin when none is configured (printed at start).
CREATE TABLE setup_tokens (
  token_hash  bytea PRIMARY KEY,
  expires_at  timestamptz NOT NULL
);

-- Entrances are managed after registration (F2): renamed, added, deactivated. An inactive entrance's
-- code checks nobody in (404 venue_not_found); its rows stay for the check-ins made through it.
ALTER TABLE venue_entrances ADD COLUMN active boolean NOT NULL DEFAULT true;

-- Every suspension and reinstatement of a venue, with its reason and who decided: the venue's history.
CREATE TABLE venue_status_changes (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  venue_id    bigint NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  status      text NOT NULL CHECK (status IN ('active', 'suspended')),
  reason      text NOT NULL,
  by_user_id  bigint REFERENCES users (id),
  at          timestamptz NOT NULL
);
CREATE INDEX venue_status_changes_by_venue ON venue_status_changes (venue_id, at DESC);
