/**
 * Saved tracing cases (issue 16): a tracer saves a look-up as a case; tracers and officials of the
 * area reopen it as it was, without tracing again, and close it when done; every save, open, export,
 * close and reopening joins the case's own trail; the result is sealed at rest and deleted with the other personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/server/services/retention.js';
import {
  ADMIN,
  call,
  checkInBody,
  HANOI_COMMUNE,
  login,
  registerVenue,
  startTestApp,
  type TestApp,
} from '../support/app.js';

const F0 = { fullName: 'Nguyễn Văn Ca', phone: '0900000000' };
const CONTACT = { fullName: 'Trần Thị Tiếp Xúc', phone: '0911000001' };
const PURPOSE = 'Truy vết ca bệnh BN-0001 theo yêu cầu CDC Hà Nội';

let t: TestApp;
let admin: string;
let hanoiTracer: string;
let hanoiOfficial: string;
let hcmcTracer: string;
let venue: Awaited<ReturnType<typeof registerVenue>>;
let saved: { id: string; [key: string]: unknown };

async function account(username: string, role: string, unit: string) {
  await call(t.app, 'POST', '/api/users', {
    cookie: admin,
    body: { username, password: 'tracer-pass-1', role, adminUnitCode: unit },
  });
  return login(t.app, username, 'tracer-pass-1');
}

const noticeCount = async () =>
  (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notices')).rows[0]!.n;

beforeAll(async () => {
  t = await startTestApp({}, new Date('2026-11-20T02:00:00Z'));
  admin = await login(t.app, ADMIN.username, ADMIN.password);
  venue = await registerVenue(t.app, { name: 'Quán cà phê Giảng', adminUnitCode: HANOI_COMMUNE });
  for (const person of [F0, CONTACT])
    expect(
      (await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code, { person }) })).status,
    ).toBe(201);
  t.clock.advanceMinutes(120);
  hanoiTracer = await account('truyvet-hanoi', 'tracer', '01');
  hanoiOfficial = await account('ubnd-hanoi', 'official', '01');
  hcmcTracer = await account('truyvet-hcm', 'tracer', '79');
});
afterAll(() => t.close());

const saveCase = (cookie: string | undefined, body: Record<string, unknown>) =>
  call(t.app, 'POST', '/api/tracing/cases', {
    cookie,
    body: {
      subject: { phone: F0.phone },
      purpose: PURPOSE,
      label: 'BN-0001 quán Giảng',
      notify: true,
      ...body,
    },
  });

describe('POST /api/tracing/cases', () => {
  it('traces, notifies as asked, and saves the result under its name', async () => {
    const res = await saveCase(hanoiTracer, {});
    expect(res.status).toBe(201);
    saved = res.body;
    expect(res.body).toMatchObject({
      label: 'BN-0001 quán Giảng',
      purpose: PURPOSE,
      savedBy: 'truyvet-hanoi',
      subjectName: F0.fullName,
      contacts: 1,
      notified: 1,
      trail: [{ username: 'truyvet-hanoi', action: 'case_save' }],
    });
    expect(res.body.answer.contacts.map((c: { person: unknown }) => c.person)).toEqual([CONTACT]);
    // The look-up itself is audited as any tracing query, beside the save.
    const audit = await call(t.app, 'GET', '/api/audit', { cookie: hanoiOfficial });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['case_save', 'contact_trace']);
  });

  it('keeps names and phones sealed at rest', async () => {
    const { rows } = await t.ctx.db.query<{ sealed: string }>(
      'SELECT sealed_answer AS sealed FROM tracing_cases',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sealed).not.toContain(CONTACT.phone);
    expect(rows[0]!.sealed).not.toContain('Tiếp Xúc');
  });

  it('needs a name, a purpose and a tracer', async () => {
    expect((await saveCase(hanoiTracer, { label: '  ' })).status).toBe(400);
    expect((await saveCase(hanoiTracer, { purpose: 'x' })).status).toBe(400);
    expect((await saveCase(undefined, {})).status).toBe(401);
    expect((await saveCase(venue.managerCookie, {})).status).toBe(403);
  });
});

describe('GET /api/tracing/cases and /api/tracing/cases/:id', () => {
  it('lists the area’s cases to its tracers and officials and the national admin, not to another province', async () => {
    for (const cookie of [hanoiTracer, hanoiOfficial, admin]) {
      const res = await call(t.app, 'GET', '/api/tracing/cases', { cookie });
      expect(res.status).toBe(200);
      expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([saved.id]);
      expect(JSON.stringify(res.body)).not.toContain(CONTACT.phone);
    }
    expect((await call(t.app, 'GET', '/api/tracing/cases', { cookie: hcmcTracer })).body.items).toEqual([]);
  });

  it('reopens the case as it was saved, without tracing or notifying again, and audits the opening', async () => {
    const before = await noticeCount();
    t.clock.advanceMinutes(30);
    const res = await call(t.app, 'GET', `/api/tracing/cases/${saved.id}`, { cookie: hanoiOfficial });
    expect(res.status).toBe(200);
    expect(res.body.answer).toEqual(saved.answer);
    expect(res.body.trail.map((e: { username: string; action: string }) => [e.username, e.action])).toEqual([
      ['truyvet-hanoi', 'case_save'],
      ['ubnd-hanoi', 'case_open'],
    ]);
    expect(await noticeCount()).toBe(before);
  });

  it('exports its contact list with names and phones, and the export joins the trail', async () => {
    const csv = await call(t.app, 'GET', `/api/tracing/cases/${saved.id}?format=csv`, {
      cookie: hanoiTracer,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = (csv.body as Buffer).toString('utf8');
    expect(text).toContain(CONTACT.fullName);
    expect(text).toContain(CONTACT.phone);
    const reopened = await call(t.app, 'GET', `/api/tracing/cases/${saved.id}`, { cookie: hanoiTracer });
    expect(reopened.body.trail.map((e: { action: string }) => e.action)).toEqual([
      'case_save',
      'case_open',
      'case_export',
      'case_open',
    ]);
  });

  it('is not found outside the area, nor for a case that does not exist', async () => {
    expect((await call(t.app, 'GET', `/api/tracing/cases/${saved.id}`, { cookie: hcmcTracer })).status).toBe(
      404,
    );
    const none = '0190d5a8-0000-7000-8000-000000000000';
    expect((await call(t.app, 'GET', `/api/tracing/cases/${none}`, { cookie: hanoiTracer })).status).toBe(
      404,
    );
    const malformed = await call(t.app, 'GET', '/api/tracing/cases/not-a-uuid', { cookie: hanoiTracer });
    expect(malformed.status).toBe(404);
  });

  it('is closed when the team is done, listed after the open cases, and reopened; both join the trail', async () => {
    const second = await saveCase(hanoiTracer, { label: 'BN-0002' });
    expect(second.status).toBe(201);
    const close = (cookie: string, closed: boolean, id = saved.id) =>
      call(t.app, 'PATCH', `/api/tracing/cases/${id}`, { cookie, body: { closed } });
    const closed = await close(hanoiOfficial, true);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      id: saved.id,
      closedAt: t.clock.now.toISOString(),
      closedBy: 'ubnd-hanoi',
    });
    expect(closed.body.answer).toBeUndefined();
    expect(closed.body.trail.at(-1)).toMatchObject({ username: 'ubnd-hanoi', action: 'case_close' });
    // Closing again changes nothing and is not logged twice.
    expect((await close(hanoiTracer, true)).body).toMatchObject({ closedBy: 'ubnd-hanoi' });
    const reopened = await close(hanoiTracer, false);
    expect(reopened.body).toMatchObject({ closedAt: null, closedBy: null });
    expect(reopened.body.trail.map((e: { action: string }) => e.action).slice(-2)).toEqual([
      'case_close',
      'case_reopen',
    ]);
    // The newer case closed: listed after the older one still open.
    expect((await close(hanoiTracer, true, second.body.id)).status).toBe(200);
    const list = await call(t.app, 'GET', '/api/tracing/cases', { cookie: hanoiTracer });
    const listed = list.body.items.map((c: { id: string; closedAt: string | null }) => [c.id, !!c.closedAt]);
    expect(listed).toEqual([
      [saved.id, false],
      [second.body.id, true],
    ]);
  });

  it('is closed only by the area’s tracers and officials, with a yes or no', async () => {
    const close = (cookie: string | undefined, body: unknown, id = saved.id) =>
      call(t.app, 'PATCH', `/api/tracing/cases/${id}`, { cookie, body });
    expect((await close(hcmcTracer, { closed: true })).status).toBe(404);
    expect((await close(undefined, { closed: true })).status).toBe(401);
    expect((await close(venue.managerCookie, { closed: true })).status).toBe(403);
    expect((await close(hanoiTracer, { closed: 'yes' })).status).toBe(400);
    expect((await close(hanoiTracer, { closed: true }, '0190d5a8-0000-7000-8000-000000000000')).status).toBe(
      404,
    );
  });

  it('is deleted with the other personal data when the retention period ends', async () => {
    t.clock.advanceMinutes(22 * 24 * 60);
    const report = await purgeExpired(t.ctx);
    expect(report?.deleted.tracing_cases).toBe(2); // BN-0001 and BN-0002
    const tracer = await login(t.app, 'truyvet-hanoi', 'tracer-pass-1');
    expect((await call(t.app, 'GET', `/api/tracing/cases/${saved.id}`, { cookie: tracer })).status).toBe(404);
  });
});
