/**
 * Text messages (F10 reminders, F13 notices) through an outbox: a service queues texts in the
 * transaction that decides them (`queueSms`); after commit, `deliverDueSms` (a job on every node,
 * each message claimed by one node at a time) hands them to the gateway, retries carrier failures
 * with back-off and records the outcome. A rollback therefore sends nothing, and no transaction holds
 * a connection while a carrier answers.
 *
 * Gateways: the default only logs (status `logged`); with SMS_GATEWAY_URL set, an HTTP gateway posts
 * `{ to, text, reference }` as JSON with `Authorization: Bearer SMS_GATEWAY_KEY`.
 */
import { claimDueSms, retrySmsLater, settleSms } from '../db/queries/sms-outbox.js';
import type { ServiceContext } from './context.js';

export { queueSms, type QueuedSms } from '../db/queries/sms-outbox.js';

/** The carrier refused this message for good (a bad number, a text it will never take): no retry. */
export class SmsRejected extends Error {}

export interface SmsGateway {
  readonly name: string;
  /**
   * Hands one message to the carrier. Resolves when it is accepted ('sent') or only logged; throws
   * SmsRejected when it never will be, any other error when it may be later (retried).
   * `reference` is stable across retries, for a carrier that drops duplicates.
   */
  send(message: { phone: string; body: string; reference: string }): Promise<'sent' | 'logged'>;
}

export function loggingSmsGateway(log: (line: string) => void = (line) => console.log(line)): SmsGateway {
  return {
    name: 'log',
    async send({ phone, body }) {
      log(`[sms:log] to ${phone.slice(0, 4)}****${phone.slice(-2)}: ${body}`);
      return 'logged';
    },
  };
}

/** HTTP statuses that say the message itself is wrong: sending it again would fail the same way. */
const REJECTED_STATUSES = new Set([400, 404, 409, 410, 413, 422]);

export function httpSmsGateway(options: { url: string; apiKey: string; timeoutMs: number }): SmsGateway {
  return {
    name: 'http',
    async send({ phone, body, reference }) {
      const res = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
        body: JSON.stringify({ to: phone, text: body, reference }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await res.body?.cancel();
      if (res.ok) return 'sent';
      if (REJECTED_STATUSES.has(res.status))
        throw new SmsRejected(`gateway refused the message (HTTP ${res.status})`);
      throw new Error(`gateway unavailable (HTTP ${res.status})`);
    },
  };
}

/** A claimed message is left to its sender this long before another round may claim it again. */
const CLAIM_LEASE_MS = 60_000;
/** Messages claimed per round. */
const BATCH = 100;
/** Attempts before a message is recorded as failed. */
export const MAX_SMS_ATTEMPTS = 8;
/** Wait after the n-th failed attempt: 30 s, 1 min, 2 min … at most 1 h. */
export const retryDelayMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

/** Sends the messages that are due; answers what happened to them. Safe to run on every node at once. */
export async function deliverDueSms(ctx: Pick<ServiceContext, 'db' | 'sms' | 'now'>) {
  const outcome = { sent: 0, logged: 0, retrying: 0, failed: 0 };
  for (;;) {
    const claimed = await claimDueSms(ctx.db, ctx.now(), CLAIM_LEASE_MS, BATCH);
    for (const m of claimed) {
      const attempt = m.attempts + 1;
      try {
        const status = await ctx.sms.send({ phone: m.phone, body: m.body, reference: `sms-${m.id}` });
        await settleSms(ctx.db, m.id, { status, gateway: ctx.sms.name }, ctx.now());
        outcome[status]++;
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        if (err instanceof SmsRejected || attempt >= MAX_SMS_ATTEMPTS) {
          await settleSms(ctx.db, m.id, { status: 'failed', gateway: ctx.sms.name, error }, ctx.now());
          outcome.failed++;
        } else {
          const retryAt = new Date(ctx.now().getTime() + retryDelayMs(attempt));
          await retrySmsLater(ctx.db, m.id, ctx.sms.name, error, retryAt);
          outcome.retrying++;
        }
      }
    }
    if (claimed.length < BATCH) return outcome;
  }
}
