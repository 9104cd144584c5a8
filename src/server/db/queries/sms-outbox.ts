/** The SMS outbox (sms_messages): queued in the deciding transaction, claimed and settled by the sender job. */
import { columnArrays, type Queryable } from '../db.js';

export interface QueuedSms {
  phone: string;
  body: string;
  /** Why it is sent (`reminder`, `contact_notice`, `venue_exposure`): kept for the record. */
  purpose: string;
}

export interface ClaimedSms extends QueuedSms {
  id: number;
  attempts: number;
}

/** Queues texts in the caller's transaction: nothing is sent unless it commits. */
export async function queueSms(q: Queryable, messages: readonly QueuedSms[], at: Date) {
  if (messages.length === 0) return;
  await q.query(
    `INSERT INTO sms_messages (phone, body, purpose, status, next_attempt_at)
     SELECT phone, body, purpose, 'queued', $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS m(phone, body, purpose)`,
    [...columnArrays(messages, ['phone', 'body', 'purpose']), at],
  );
}

/**
 * Claims up to `limit` due messages for `leaseMs`: their next attempt moves past the lease, so
 * another node (or this one, next round) skips them while they are being sent. SKIP LOCKED keeps
 * two nodes claiming at once from waiting on, or taking, each other's rows.
 */
export async function claimDueSms(q: Queryable, now: Date, leaseMs: number, limit: number) {
  const { rows } = await q.query<ClaimedSms>(
    `UPDATE sms_messages SET next_attempt_at = $1::timestamptz + make_interval(secs => $2::float8 / 1000)
      WHERE id IN (SELECT id FROM sms_messages
                    WHERE status = 'queued' AND next_attempt_at <= $1
                    ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING id, phone, body, purpose, attempts`,
    [now, leaseMs, limit],
  );
  return rows;
}

/** Records a message's final outcome. */
export async function settleSms(
  q: Queryable,
  id: number,
  outcome: { status: 'sent' | 'logged' | 'failed'; gateway: string; error?: string },
  at: Date,
) {
  await q.query(
    `UPDATE sms_messages SET status = $2, gateway = $3, last_error = $4, attempts = attempts + 1,
            finished_at = $5, next_attempt_at = NULL
      WHERE id = $1`,
    [id, outcome.status, outcome.gateway, outcome.error ?? null, at],
  );
}

/** Records a failed attempt to be tried again at `retryAt`. */
export async function retrySmsLater(q: Queryable, id: number, gateway: string, error: string, retryAt: Date) {
  await q.query(
    `UPDATE sms_messages SET attempts = attempts + 1, gateway = $2, last_error = $3, next_attempt_at = $4 WHERE id = $1`,
    [id, gateway, error, retryAt],
  );
}
