/**
 * Retention (F15) with an injected clock: exactly the personal rows older than RETENTION_DAYS go
 * (whole day partitions of check-ins, declarations, cards without a kept declaration, idempotency
 * keys, seen-people keys), everything younger stays, and the daily statistics survive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/server/services/retention.js';
import {
  ADMIN,
  call,
  checkInBody,
  declare,
  login,
  registerVenue,
  startTestApp,
  type TestApp,
} from '../support/app.js';

let t: TestApp;
let venue: Awaited<ReturnType<typeof registerVenue>>;
const DAY = 24 * 60;

/** 2026-11-01 10:00 in Hà Nội. */
const D0 = new Date('2026-11-01T03:00:00Z');

async function count(sql: string): Promise<number> {
  const { rows } = await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`);
  return rows[0]!.n;
}

async function checkInAt(minutesAfterD0: number, fullName: string) {
  t.clock.now = new Date(D0.getTime() + minutesAfterD0 * 60_000);
  const res = await call(t.app, 'POST', '/api/check-ins', {
    body: checkInBody(venue.code, { person: { fullName, phone: '0912345678' } }),
  });
  expect(res.status).toBe(201);
}

async function checkInDays() {
  const { rows } = await t.ctx.db.query<{ day: string }>(
    `SELECT DISTINCT to_char(checked_in_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day FROM check_ins ORDER BY 1`,
  );
  return rows.map((r) => r.day);
}

beforeAll(async () => {
  t = await startTestApp({ RETENTION_DAYS: '21' }, D0);
  venue = await registerVenue(t.app);
  await checkInAt(0, 'Ngày một');
  t.clock.now = D0;
  await declare(t.app, { person: { fullName: 'Khai ngày một', phone: '0987000001' } });
  await checkInAt(5 * DAY, 'Ngày sáu');
  await checkInAt(10 * DAY + 13 * 60 + 59, 'Ngày mười một, 23:59'); // 23:59 local on 2026-11-11
  t.clock.now = new Date(D0.getTime() + 10 * DAY * 60_000);
  await declare(t.app, { person: { fullName: 'Khai ngày mười một', phone: '0987000002' } });
  await checkInAt(20 * DAY, 'Ngày hai mươi mốt');
});
afterAll(() => t.close());

describe('retention', () => {
  it('keeps everything while it is younger than the retention period', async () => {
    t.clock.now = new Date(D0.getTime() + 21 * DAY * 60_000); // 2026-11-22: 2026-11-01 is 21 days old, still kept
    const report = await purgeExpired(t.ctx);
    expect(report?.droppedPartitions.filter((p) => p >= 'check_ins_p20261101')).toEqual([]);
    expect(await checkInDays()).toEqual(['2026-11-01', '2026-11-06', '2026-11-11', '2026-11-21']);
    expect(await count('declarations')).toBe(2);
  });

  it('drops the expired day the next day, and only that day', async () => {
    t.clock.now = new Date(D0.getTime() + 22 * DAY * 60_000); // 2026-11-23
    const report = await purgeExpired(t.ctx);
    expect(report?.keptFrom).toBe('2026-11-02');
    expect(report?.droppedPartitions).toContain('check_ins_p20261101');
    expect(await checkInDays()).toEqual(['2026-11-06', '2026-11-11', '2026-11-21']);
    expect(await count('declarations')).toBe(1);
    expect(await count(`cards WHERE person_full_name = 'Khai ngày một'`)).toBe(0);
    expect(await count(`cards WHERE person_full_name = 'Khai ngày mười một'`)).toBe(1);
    expect(await count(`person_unit_days WHERE day = '2026-11-01'`)).toBe(0);
    expect(await count(`person_unit_days WHERE day = '2026-11-06'`)).toBe(3);
    expect(await count(`client_requests WHERE created_at < '2026-11-01T17:00:00Z'`)).toBe(0);
  });

  it('keeps a check-in at 23:59 until its whole day has expired', async () => {
    t.clock.now = new Date(D0.getTime() + 32 * DAY * 60_000 - 11 * 60 * 60_000 + 59 * 60_000); // 2026-12-02 23:59
    await purgeExpired(t.ctx);
    expect(await checkInDays()).toEqual(['2026-11-11', '2026-11-21']);
    t.clock.now = new Date(D0.getTime() + 32 * DAY * 60_000); // 2026-12-03 10:00
    await purgeExpired(t.ctx);
    expect(await checkInDays()).toEqual(['2026-11-21']);
    expect(await count('declarations')).toBe(0);
  });

  it('leaves the daily statistics in place', async () => {
    const admin = await login(t.app, ADMIN.username, ADMIN.password);
    const stats = await call(t.app, 'GET', '/api/stats?adminUnit=VN&from=2026-11-01&to=2026-11-21', {
      cookie: admin,
    });
    expect(stats.status).toBe(200);
    expect(stats.body.checkIns.total).toBe(4);
    expect(stats.body.declarations.total).toBe(2);
    expect(
      stats.body.days
        .filter((d: { checkIns: { total: number } }) => d.checkIns.total > 0)
        .map((d: { date: string }) => d.date),
    ).toEqual(['2026-11-01', '2026-11-06', '2026-11-11', '2026-11-21']);
  });

  it('does nothing more when run again', async () => {
    const again = await purgeExpired(t.ctx);
    expect(again?.droppedPartitions).toEqual([]);
    expect(await checkInDays()).toEqual(['2026-11-21']);
  });
});
