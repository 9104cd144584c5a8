-- Text messages become an outbox: the transaction that decides a text writes it 'queued'; a job sends
-- it after commit (a rollback leaves nothing sent, and no transaction waits on the carrier), retries
-- a carrier failure with back-off, and records the outcome.
ALTER TABLE sms_messages ALTER COLUMN gateway DROP NOT NULL;
ALTER TABLE sms_messages DROP CONSTRAINT sms_messages_status_check;
ALTER TABLE sms_messages ADD CONSTRAINT sms_messages_status_check
  CHECK (status IN ('queued', 'logged', 'sent', 'failed'));
ALTER TABLE sms_messages
  ADD COLUMN attempts        int NOT NULL DEFAULT 0,
  ADD COLUMN next_attempt_at timestamptz,
  ADD COLUMN finished_at     timestamptz,
  ADD COLUMN last_error      text;
CREATE INDEX sms_messages_due ON sms_messages (next_attempt_at, id) WHERE status = 'queued';
