-- Health declarations (F5), personal QR cards (F6), hotspot areas (seed 003), status-colour rules (F18),
-- and the link from a check-in to the card and declaration behind it.

CREATE TABLE declarations (
  id                  uuid PRIMARY KEY,
  declared_at         timestamptz NOT NULL,
  channel             text NOT NULL CHECK (channel IN ('self', 'on_behalf', 'paper')),
  person_phone        text NOT NULL,
  person_full_name    text NOT NULL,
  person_name_key     text NOT NULL,
  person_id_number    text,
  person_birth_year   smallint,
  person_sex          text,
  person_nationality  text,
  person_admin_unit_code text,
  person_address      text,
  visited_areas       text[] NOT NULL DEFAULT '{}',
  symptoms            jsonb NOT NULL,
  exposure            jsonb NOT NULL,
  vaccine_doses       smallint,
  -- hotspot ids the person said yes to, or whose area is among the visited areas
  hotspot_ids         bigint[] NOT NULL DEFAULT '{}',
  flagged             boolean NOT NULL,
  status_colour       text NOT NULL CHECK (status_colour IN ('green', 'yellow', 'red')),
  recorded_by_user_id bigint,
  venue_id            bigint
);
CREATE INDEX declarations_by_person ON declarations (person_phone, person_name_key, declared_at DESC);
CREATE INDEX declarations_by_time ON declarations (declared_at);

-- A card identifies a person to scanning staff; its QR carries only the signed public id.
CREATE TABLE cards (
  id                 uuid PRIMARY KEY,
  public_id          text NOT NULL UNIQUE,
  person_phone       text NOT NULL,
  person_full_name   text NOT NULL,
  person_name_key    text NOT NULL,
  person_birth_year  smallint,
  person_id_number   text,
  latest_declaration_id uuid REFERENCES declarations (id) ON DELETE SET NULL,
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  issued_at          timestamptz NOT NULL,
  revoked_at         timestamptz,
  replaced_by        uuid
);
CREATE UNIQUE INDEX cards_one_active_per_person ON cards (person_phone, person_name_key) WHERE status = 'active';

CREATE TABLE hotspots (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  admin_unit_version text NOT NULL,
  admin_unit_code  text NOT NULL,
  admin_unit_path  text[] NOT NULL,
  from_date        date NOT NULL,
  to_date          date NOT NULL CHECK (to_date >= from_date),
  note             text,
  created_by_user_id bigint REFERENCES users (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (admin_unit_version, admin_unit_code) REFERENCES admin_units (version, code)
);
CREATE INDEX hotspots_by_dates ON hotspots (to_date, from_date);

-- Status-colour rules per scope: 'VN' (national default) or a province code.
CREATE TABLE status_rules (
  scope       text PRIMARY KEY,
  rules       jsonb NOT NULL,
  updated_by_user_id bigint REFERENCES users (id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE check_ins ADD COLUMN card_id uuid;
ALTER TABLE check_ins ADD COLUMN declaration_id uuid;
ALTER TABLE check_ins ADD COLUMN status_colour text CHECK (status_colour IN ('green', 'yellow', 'red'));
