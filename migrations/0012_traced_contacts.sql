-- People found as F1 by a tracing look-up with notify (API v1.1): their status colour is the tracing
-- rule's colour (red by default) at the door, on their card and on their check-in confirmation, until
-- the rule's period ends. Kept no longer than the other personal data (retention job).
CREATE TABLE traced_contacts (
  person_phone    text NOT NULL,
  person_name_key text NOT NULL,
  traced_at       timestamptz NOT NULL,
  PRIMARY KEY (person_phone, person_name_key, traced_at)
);
CREATE INDEX traced_contacts_by_time ON traced_contacts (traced_at);
