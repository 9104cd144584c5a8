-- A chip ID card scanned at the door (F20) shows the colour of the latest declaration made with that
-- ID number: look declarations up by the ID's keyed hash.
CREATE INDEX declarations_by_id_hash ON declarations (person_id_hash, declared_at DESC) WHERE person_id_hash IS NOT NULL;
