-- Saved tracing cases (issue 16): a tracing result kept so a team hands a case over without repeating
-- the look-up. The result holds names and phones: it is sealed with the key ring (keys outside the
-- database) and deleted with the other personal data by the retention job. Who may open a case: the
-- tracers and officials whose area covers the unit of the person who saved it (owner_path).
CREATE TABLE tracing_cases (
  id                  uuid PRIMARY KEY,
  label               text NOT NULL,
  purpose             text NOT NULL,
  created_at          timestamptz NOT NULL,
  created_by          bigint,
  created_by_username text NOT NULL,
  owner_path          text[] NOT NULL,
  subject_name        text,
  from_day            date NOT NULL,
  to_day              date NOT NULL,
  contacts            integer NOT NULL,
  notified            integer NOT NULL,
  sealed_answer       text NOT NULL
);
CREATE INDEX tracing_cases_by_owner ON tracing_cases USING gin (owner_path);
CREATE INDEX tracing_cases_by_time ON tracing_cases (created_at);

-- A case's own trail: the audit entries that name it.
CREATE INDEX audit_log_by_case ON audit_log ((subject ->> 'caseId')) WHERE subject ? 'caseId';
