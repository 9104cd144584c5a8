-- Where the units of an older list went in a newer one (2021 communes → 2025 wards, Resolution
-- 202/2025/QH15). An old unit may have gone to several new ones: `rank` 1 is the first match.
CREATE TABLE admin_unit_mappings (
  from_version text NOT NULL,
  from_code    text NOT NULL,
  to_version   text NOT NULL REFERENCES admin_unit_versions (version),
  to_code      text NOT NULL,
  rank         smallint NOT NULL CHECK (rank >= 1),
  matched_by   text NOT NULL CHECK (matched_by IN ('code', 'name')),
  PRIMARY KEY (to_version, from_version, from_code, to_code)
);
