/**
 * Text messages go through an outbox: queued in the transaction that decides them, sent after commit
 * by the job, retried with back-off when the carrier fails, recorded with their outcome. The HTTP
 * gateway is exercised against a real local HTTP server standing in for the carrier.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/server/config.js';
import { deliverDueSms, MAX_SMS_ATTEMPTS, queueSms } from '../../src/server/services/sms.js';
import { ADMIN, call, login, registerVenue, startTestApp, type TestApp } from '../support/app.js';

interface Received {
  authorization: string | undefined;
  body: { to: string; text: string; reference: string };
}

/** A stand-in carrier: records every request and answers with the next scripted status (200 after). */
class Carrier {
  received: Received[] = [];
  script: (number | 'hang')[] = [];
  private server: Server = createServer((req, res) => void this.answer(req, res));

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }

  stop() {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(resolve));
  }

  private async answer(req: IncomingMessage, res: import('node:http').ServerResponse) {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    this.received.push({ authorization: req.headers.authorization, body: JSON.parse(raw) });
    const next = this.script.shift() ?? 200;
    if (next === 'hang') return; // never answers: the gateway's timeout must end the attempt
    res.writeHead(next, { 'content-type': 'application/json' }).end('{}');
  }
}

const carrier = new Carrier();
let t: TestApp;
let admin: string;

beforeAll(async () => {
  const url = await carrier.start();
  t = await startTestApp({
    SMS_GATEWAY_URL: url,
    SMS_GATEWAY_KEY: 'carrier-key-123',
    SMS_GATEWAY_TIMEOUT_MS: '500',
  });
  admin = await login(t.app, ADMIN.username, ADMIN.password);
});
afterAll(async () => {
  await t.close();
  await carrier.stop();
});
afterEach(async () => {
  await t.ctx.db.query('DELETE FROM sms_messages');
  carrier.received = [];
  carrier.script = [];
});

const outbox = async () =>
  (
    await t.ctx.db.query<{ status: string; attempts: number; last_error: string | null; phone: string }>(
      'SELECT status, attempts, last_error, phone FROM sms_messages ORDER BY id',
    )
  ).rows;

async function remind(message = 'Đề nghị quét mã QR mỗi ngày.') {
  const venue = await registerVenue(t.app);
  const res = await call(t.app, 'POST', '/api/compliance/reminders', {
    cookie: admin,
    body: { venueIds: [venue.id], message },
  });
  expect(res.status).toBe(201);
  return venue;
}

describe('the SMS outbox', () => {
  it('queues a reminder text with the reminder and sends it through the carrier after commit', async () => {
    const venue = await remind();
    expect(carrier.received).toEqual([]);
    expect(await outbox()).toEqual([expect.objectContaining({ status: 'queued', attempts: 0 })]);

    expect(await deliverDueSms(t.ctx)).toEqual({ sent: 1, logged: 0, retrying: 0, failed: 0 });
    expect(carrier.received).toEqual([
      {
        authorization: 'Bearer carrier-key-123',
        body: {
          to: venue.body.contactPhone,
          text: `[${String(venue.body.name)}] Đề nghị quét mã QR mỗi ngày.`,
          reference: expect.stringMatching(/^sms-\d+$/),
        },
      },
    ]);
    expect(await outbox()).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })]);
    // Nothing is due any more: a second round sends nothing.
    expect(await deliverDueSms(t.ctx)).toEqual({ sent: 0, logged: 0, retrying: 0, failed: 0 });
  });

  it('sends nothing for a transaction that rolled back', async () => {
    await t.ctx.db
      .tx(async (q) => {
        await queueSms(q, [{ phone: '0912000001', body: 'never', purpose: 'reminder' }], t.ctx.now());
        throw new Error('the decision failed after queueing');
      })
      .catch(() => undefined);
    expect(await deliverDueSms(t.ctx)).toEqual({ sent: 0, logged: 0, retrying: 0, failed: 0 });
    expect(carrier.received).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  it('retries a carrier failure with back-off, under the same reference, until it goes out', async () => {
    await remind();
    carrier.script = [503, 'hang'];
    expect(await deliverDueSms(t.ctx)).toMatchObject({ retrying: 1 });
    expect(await outbox()).toEqual([
      expect.objectContaining({
        status: 'queued',
        attempts: 1,
        last_error: 'gateway unavailable (HTTP 503)',
      }),
    ]);
    // Not due again before its back-off (30 s) has passed.
    expect(await deliverDueSms(t.ctx)).toMatchObject({ retrying: 0, sent: 0 });
    expect(carrier.received).toHaveLength(1);

    t.clock.advanceMinutes(1);
    expect(await deliverDueSms(t.ctx)).toMatchObject({ retrying: 1 }); // the carrier hangs: timed out
    t.clock.advanceMinutes(2);
    expect(await deliverDueSms(t.ctx)).toMatchObject({ sent: 1 });
    const references = new Set(carrier.received.map((r) => r.body.reference));
    expect(carrier.received).toHaveLength(3);
    expect(references.size).toBe(1);
    expect(await outbox()).toEqual([expect.objectContaining({ status: 'sent', attempts: 3 })]);
  });

  it('records a message the carrier refuses as failed at once', async () => {
    await remind();
    carrier.script = [422];
    expect(await deliverDueSms(t.ctx)).toMatchObject({ failed: 1 });
    expect(await outbox()).toEqual([
      expect.objectContaining({
        status: 'failed',
        attempts: 1,
        last_error: 'gateway refused the message (HTTP 422)',
      }),
    ]);
  });

  it(`gives up after ${MAX_SMS_ATTEMPTS} failed attempts`, async () => {
    await remind();
    carrier.script = Array(MAX_SMS_ATTEMPTS).fill(500);
    for (let i = 0; i < MAX_SMS_ATTEMPTS; i++) {
      await deliverDueSms(t.ctx);
      t.clock.advanceMinutes(61);
    }
    expect(await outbox()).toEqual([
      expect.objectContaining({ status: 'failed', attempts: MAX_SMS_ATTEMPTS }),
    ]);
    expect(carrier.received).toHaveLength(MAX_SMS_ATTEMPTS);
  });

  it('hands each message to the carrier once when two nodes deliver at the same moment', async () => {
    await t.ctx.db.tx((q) =>
      queueSms(
        q,
        Array.from({ length: 7 }, (_, i) => ({
          phone: `091200000${i}`,
          body: `text ${i}`,
          purpose: 'reminder',
        })),
        t.ctx.now(),
      ),
    );
    const [a, b] = await Promise.all([deliverDueSms(t.ctx), deliverDueSms(t.ctx)]);
    expect(a.sent + b.sent).toBe(7);
    expect(carrier.received.map((r) => r.body.to).sort()).toEqual(
      Array.from({ length: 7 }, (_, i) => `091200000${i}`),
    );
  });

  it('refuses a gateway URL without its key at start', () => {
    expect(() => parseConfig({ SMS_GATEWAY_URL: 'https://sms.example.vn/send' })).toThrow(ConfigError);
  });
});
