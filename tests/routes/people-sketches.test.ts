/**
 * Unique people over sketched days (F9): once the job has sketched the ended days, a province's or
 * the country's figure is the sketch estimate (marked as such) and matches the exact count on small
 * sets; communes and districts' children stay exact; a paper form typed in later for a sketched day
 * is counted at once and the day is sketched again; two sketched days are merged into a span, forgotten
 * with either day; sketches outlive the keys' retention.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfProse } from '../support/documents.js';
import { mergeInto, registerOf } from '../../src/server/domain/people-sketch.js';
import { sketchClosedDays } from '../../src/server/services/people-sketches.js';
import { purgeExpired } from '../../src/server/services/retention.js';
import {
  ADMIN,
  call,
  checkInBody,
  HANOI_COMMUNE,
  login,
  registerVenue,
  startTestApp,
  typePaperForm,
  type TestApp,
} from '../support/app.js';

/** Phường Phúc Tân, Hoàn Kiếm (Phúc Xá, HANOI_COMMUNE, is in Ba Đình). */
const PHUC_TAN = '00037';
const DAY_MINUTES = 24 * 60;

let t: TestApp;
let phucXa: Awaited<ReturnType<typeof registerVenue>>;
let phucTan: Awaited<ReturnType<typeof registerVenue>>;

async function checkIn(venueCode: string, fullName: string, phone: string) {
  const res = await call(t.app, 'POST', '/api/check-ins', {
    body: checkInBody(venueCode, { person: { fullName, phone } }),
  });
  expect(res.status).toBe(201);
}

async function stats(unit: string, from: string, to: string) {
  const admin = await login(t.app, ADMIN.username, ADMIN.password);
  const res = await call(t.app, 'GET', `/api/stats?adminUnit=${unit}&from=${from}&to=${to}`, {
    cookie: admin,
  });
  expect(res.status).toBe(200);
  const children = Object.fromEntries(
    (res.body.children as { code: string; uniquePeople: number }[]).map((c) => [c.code, c.uniquePeople]),
  );
  return { people: res.body.uniquePeople as number, estimated: res.body.uniquePeopleEstimated, children };
}

async function sketchedDays() {
  const { rows } = await t.ctx.db.query<{ day: string }>(
    `SELECT day::text AS day FROM people_sketch_days WHERE day >= '2026-11-20' ORDER BY day`,
  );
  return rows.map((r) => r.day);
}

/** Merged spans of days stored from 2026-11-20 on, as "first day/days". */
async function mergedSpans() {
  const { rows } = await t.ctx.db.query<{ span: string }>(
    `SELECT first_day::text || '/' || days AS span FROM people_sketch_spans WHERE first_day >= '2026-11-20' ORDER BY 1`,
  );
  return rows.map((r) => r.span);
}

/** A unit's stored sketch of a day, or of a merged span of days. */
async function storedRegisters(code: string, firstDay: string, days = 1) {
  const { rows } = await t.ctx.db.query<{ registers: Uint8Array }>(
    days === 1
      ? 'SELECT registers FROM unit_day_people_sketches WHERE unit_code = $1 AND day = $2'
      : 'SELECT registers FROM unit_span_people_sketches WHERE unit_code = $1 AND first_day = $2 AND days = $3',
    days === 1 ? [code, firstDay] : [code, firstDay, days],
  );
  return new Uint8Array(rows[0]!.registers);
}

beforeAll(async () => {
  // 10:00 in Hà Nội on 2026-11-20.
  t = await startTestApp({ RETENTION_DAYS: '21' }, new Date('2026-11-20T03:00:00Z'));
  phucXa = await registerVenue(t.app, { name: 'Quán Phúc Xá', adminUnitCode: HANOI_COMMUNE });
  phucTan = await registerVenue(t.app, { name: 'Quán Phúc Tân', adminUnitCode: PHUC_TAN });
  await checkIn(phucXa.code, 'Người A', '0911000001');
  await checkIn(phucXa.code, 'Người B', '0911000002');
  await checkIn(phucTan.code, 'Người C', '0911000003');
  t.clock.advanceMinutes(DAY_MINUTES); // 2026-11-21
  await checkIn(phucXa.code, 'Người A', '0911000001');
  await checkIn(phucTan.code, 'Người D', '0911000004');
  await checkIn(phucTan.code, 'Người A', '0911000001');
});
afterAll(() => t.close());

describe('unique people from day sketches', () => {
  it('ranks person keys in SQL exactly as the domain rule does', async () => {
    const keys = [
      0n,
      1n,
      0x1005n,
      0xfffn,
      1n << 62n,
      -1n,
      -(1n << 63n),
      1234567890123456789n,
      -987654321987654321n,
    ];
    const { rows } = await t.ctx.db.query<{ idx: number; rank: number }>(
      `SELECT (k & 4095)::int AS idx, people_sketch_rank(k) AS rank FROM unnest($1::bigint[]) WITH ORDINALITY AS u(k, o) ORDER BY o`,
      [keys.map(String)],
    );
    expect(rows.map((r) => ({ index: r.idx, rank: r.rank }))).toEqual(keys.map(registerOf));
  });

  it('counts exactly while no day is sketched', async () => {
    expect(await stats('01', '2026-11-20', '2026-11-21')).toEqual({
      people: 4,
      estimated: false,
      children: expect.objectContaining({ '001': 2, '002': 3 }),
    });
  });

  it('sketches the ended days only, once', async () => {
    t.clock.advanceMinutes(DAY_MINUTES); // 2026-11-22 10:00
    expect(await sketchClosedDays(t.ctx)).toEqual(expect.arrayContaining(['2026-11-20', '2026-11-21']));
    expect(await sketchedDays()).toEqual(['2026-11-20', '2026-11-21']);
    expect(await sketchClosedDays(t.ctx)).toEqual([]);
  });

  it('merges two sketched days into one span (2026-11-20 is day 9,820 since 2000, even)', async () => {
    expect(await mergedSpans()).toEqual(['2026-11-20/2']);
    const union = await storedRegisters('01', '2026-11-20');
    mergeInto(union, await storedRegisters('01', '2026-11-21'));
    expect(await storedRegisters('01', '2026-11-20', 2)).toEqual(union);
  });

  it('answers provinces and the country from the sketches plus today, marked as an estimate', async () => {
    await checkIn(phucXa.code, 'Người F', '0911000006'); // today, not sketched
    expect(await stats('01', '2026-11-20', '2026-11-22')).toEqual({
      people: 5,
      estimated: true,
      children: expect.objectContaining({ '001': 3, '002': 3 }),
    });
    expect(await stats('VN', '2026-11-20', '2026-11-21')).toEqual({
      people: 4,
      estimated: true,
      children: expect.objectContaining({ '01': 4, '79': 0 }),
    });
  });

  it('counts exactly where the sketched days saw nobody', async () => {
    expect(await stats('79', '2026-11-20', '2026-11-22')).toMatchObject({ people: 0, estimated: false });
  });

  it('keeps a district (communes below it) and today alone exact', async () => {
    expect(await stats('001', '2026-11-20', '2026-11-22')).toMatchObject({ people: 3, estimated: false });
    expect(await stats('01', '2026-11-22', '2026-11-22')).toMatchObject({ people: 1, estimated: false });
  });

  it('counts a paper form typed in later for a sketched day at once, then sketches that day again', async () => {
    const [late, current] = await Promise.all([
      typePaperForm(t.app, phucTan, '2026-11-20T15:00:00+07:00', {
        fullName: 'Người E',
        phone: '0911000005',
      }),
      // In the same batch: written apart, not held up by the late one.
      call(t.app, 'POST', '/api/check-ins', {
        body: checkInBody(phucTan.code, { person: { fullName: 'Người G', phone: '0911000007' } }),
      }),
    ]);
    expect([late.status, current.status]).toEqual([201, 201]);
    expect([late.body.checkedInAt, current.body.checkedInAt]).toEqual([
      '2026-11-20T08:00:00.000Z',
      t.clock.now.toISOString(),
    ]);
    expect(await sketchedDays()).toEqual(['2026-11-21']);
    expect(await mergedSpans()).toEqual([]); // forgotten with the day it covers
    expect(await stats('01', '2026-11-20', '2026-11-21')).toMatchObject({
      people: 5,
      estimated: true,
      children: expect.objectContaining({ '002': 4 }),
    });
    expect(await sketchClosedDays(t.ctx)).toEqual(['2026-11-20']);
    expect(await mergedSpans()).toEqual(['2026-11-20/2']);
    expect(await stats('01', '2026-11-20', '2026-11-21')).toMatchObject({ people: 5, estimated: true });
  });

  it('says in the chairman’s report that the figure is an estimate', async () => {
    const admin = await login(t.app, ADMIN.username, ADMIN.password);
    const res = await call(
      t.app,
      'GET',
      '/api/reports/unit?adminUnit=01&from=2026-11-20&to=2026-11-21&format=pdf',
      {
        cookie: admin,
      },
    );
    expect(res.status).toBe(200);
    expect(pdfProse(res.body)).toContain('Số người khác nhau: khoảng 5 (ước tính)');
  });

  it('still knows a province’s people after retention has deleted the keys', async () => {
    t.clock.advanceMinutes(21 * DAY_MINUTES); // 2026-12-13: the keys of 20 and 21 November are gone
    await sketchClosedDays(t.ctx);
    await purgeExpired(t.ctx);
    const { rows } = await t.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM person_unit_days WHERE day <= '2026-11-21'`,
    );
    expect(rows[0]!.n).toBe(0);
    expect(await stats('01', '2026-11-20', '2026-11-21')).toMatchObject({ people: 5, estimated: true });
  });
});
