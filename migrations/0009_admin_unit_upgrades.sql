-- The admin-unit list the data is expressed in (venues, account scopes, figures), one at a time, and
-- the upgrades from one list to another (2021 → 2025): what each moved, and what an official should
-- look at because the mapping had to choose.

-- When a version became the one in use; `retired_at` when an upgrade moved the data to another. Older
-- versions stay loaded and readable.
ALTER TABLE admin_unit_versions ADD COLUMN in_use_since timestamptz;
ALTER TABLE admin_unit_versions ADD COLUMN retired_at timestamptz;
CREATE UNIQUE INDEX admin_unit_versions_one_in_use ON admin_unit_versions ((true))
  WHERE in_use_since IS NOT NULL AND retired_at IS NULL;

-- An existing installation is in use on the list its venues, accounts and hotspots name.
UPDATE admin_unit_versions SET in_use_since = loaded_at
 WHERE version = (
   SELECT version FROM (
     SELECT admin_unit_version AS version FROM venues
     UNION ALL SELECT admin_unit_version FROM users WHERE admin_unit_version IS NOT NULL
     UNION ALL SELECT admin_unit_version FROM hotspots
   ) named GROUP BY version ORDER BY count(*) DESC, version LIMIT 1);

CREATE TABLE admin_unit_upgrades (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  from_version  text NOT NULL REFERENCES admin_unit_versions (version),
  to_version    text NOT NULL REFERENCES admin_unit_versions (version),
  done_at       timestamptz NOT NULL,
  -- Counts per kind of thing moved: {"venues": 12, "accounts": 3, …}
  moved         jsonb NOT NULL
);

-- A venue or account whose new unit the upgrade had to choose (an old commune split among several
-- wards, an old district, a commune the mapping does not name). Officials over `path` confirm or
-- correct it; `candidates` are the new units its old unit's area went to, best first.
CREATE TABLE admin_unit_reviews (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  upgrade_id      bigint NOT NULL REFERENCES admin_unit_upgrades (id),
  subject         text NOT NULL CHECK (subject IN ('venue', 'account')),
  subject_id      bigint NOT NULL,
  old_code        text NOT NULL,
  old_name        text NOT NULL,
  chosen_code     text NOT NULL,
  path            text[] NOT NULL,
  candidates      text[] NOT NULL,
  reason          text NOT NULL CHECK (reason IN ('split', 'district', 'not_in_mapping')),
  resolved_at     timestamptz,
  resolved_by_user_id bigint REFERENCES users (id)
);
CREATE INDEX admin_unit_reviews_open ON admin_unit_reviews USING gin (path) WHERE resolved_at IS NULL;
