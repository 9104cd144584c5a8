-- The public venue list and map (F22, API v1.1 "public"): anyone finds venues by name, unit and
-- category, and sees their status, live occupancy, self-assessed safety and, when set, a map point.

-- Lower case without Vietnamese marks, so "pho ha noi" finds "Phở Hà Nội" (and "PHỞ" finds it too).
-- Marks are removed before lower() so the result does not depend on the server's locale.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE FUNCTION vn_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(translate(t,
    'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ',
    'AAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYDaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'));

ALTER TABLE venues
  ADD COLUMN search_key text GENERATED ALWAYS AS (vn_fold(name || ' ' || address)) STORED,
  -- A map point the manager or an official set (WGS 84); a venue without one is listed, not mapped.
  ADD COLUMN latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  ADD COLUMN longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  -- The manager's safety self-assessment: {"masks":bool,"distance":bool,"handSanitiser":bool,"ventilation":bool}.
  ADD COLUMN safety jsonb,
  ADD COLUMN safety_confirmed_at timestamptz,
  ADD CONSTRAINT venues_point_whole CHECK ((latitude IS NULL) = (longitude IS NULL));

CREATE INDEX venues_by_search_key ON venues USING gin (search_key gin_trgm_ops);
CREATE INDEX venues_by_name ON venues (name, id);
