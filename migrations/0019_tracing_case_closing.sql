-- A saved tracing case is closed when the team is done with it (and reopened if it was too early):
-- the list shows open cases first, a closed case says when and by whom; both are in its trail.
ALTER TABLE tracing_cases ADD COLUMN closed_at timestamptz;
ALTER TABLE tracing_cases ADD COLUMN closed_by_username text;
