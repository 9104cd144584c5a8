-- The public list's search by words (F22): each word typed is a word of the venue's name or address,
-- marks and case aside, in any order, the last one possibly unfinished ("thin pho", "pho th" find
-- "Quán Phở Thìn"). A word index answers that from a few posting lists; the trigram index it replaces
-- read one list per three letters and rechecked thousands of rows for names many venues share
-- ("Minh", "Phở").

-- The words of a text without marks: "Quán Phở 12/3 Lê-Lợi" → {quan,pho,12,3,le,loi}. One definition
-- for the stored words and the searched ones, so both split a text alike.
CREATE FUNCTION vn_words(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN array_remove(regexp_split_to_array(vn_fold(t), '[^a-z0-9]+'), '');

-- The words of a text in their order (positions), weighted: a venue's name A, its address B, so that
-- venues whose name holds every word searched come first.
CREATE FUNCTION vn_word_vector(t text, weight "char") RETURNS tsvector
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN setweight(to_tsvector('simple', array_to_string(vn_words(t), ' ')), weight);

ALTER TABLE venues
  ADD COLUMN search_words tsvector
    GENERATED ALWAYS AS (vn_word_vector(name, 'A') || vn_word_vector(address, 'B')) STORED;
CREATE INDEX venues_by_search_words ON venues USING gin (search_words);
DROP INDEX venues_by_search_key;
ALTER TABLE venues DROP COLUMN search_key;

-- A province's venues in name order, the first page read straight from the index (the array index on
-- the unit path finds them too, but then sorts a province's thousands of venues for twenty).
CREATE INDEX venues_by_province_and_name ON venues ((admin_unit_path[1]), name, id);
