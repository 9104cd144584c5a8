import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  call,
  checkInBody,
  login,
  registerVenue,
  startTestApp,
  type TestApp,
} from '../support/app.js';
import type { Queryable } from '../../src/server/db/db.js';
import { countingStatements } from '../support/database.js';
import { venuesApi } from '../../src/shared/api/venues.js';
import { maskPhone } from '../../src/shared/phone.js';

let t: TestApp;
let venue: Awaited<ReturnType<typeof registerVenue>>;
let otherVenue: Awaited<ReturnType<typeof registerVenue>>;

beforeAll(async () => {
  t = await startTestApp({}, new Date('2026-11-24T02:00:00Z'));
  venue = await registerVenue(t.app, { name: 'Nhà văn hoá phường' });
  otherVenue = await registerVenue(t.app, { name: 'Siêu thị Co.op' });
});
afterAll(() => t.close());

async function insideNow(cookie = venue.managerCookie) {
  const res = await call(t.app, 'GET', `/api/venues/${venue.id}/today`, { cookie });
  return res.body as {
    inside: number;
    total: number;
    byChannel: Record<string, number>;
    items: { checkedOutAt: string | null }[];
  };
}

describe('POST /api/check-ins', () => {
  it('rejects a body without person or clientId with 400 validation_failed, in English when asked', async () => {
    const res = await call(t.app, 'POST', '/api/check-ins', { body: { venueCode: venue.code }, lang: 'en' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toBe('The request data is invalid.');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['clientId', 'channel', 'person']),
    );
  });

  it('answers in Vietnamese by default', async () => {
    const res = await call(t.app, 'POST', '/api/check-ins', { body: {} });
    expect(res.body.error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
  });

  it('rejects a phone number that is not Vietnamese', async () => {
    const res = await call(t.app, 'POST', '/api/check-ins', {
      body: checkInBody(venue.code, { person: { fullName: 'A', phone: '12345' } }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('person.phone');
  });

  it('rejects staff channels from the public endpoint', async () => {
    const res = await call(t.app, 'POST', '/api/check-ins', {
      body: checkInBody(venue.code, { channel: 'paper' }),
    });
    expect(res.status).toBe(400);
  });

  it('answers a forged or mistyped venue code with 404 venue_not_found', async () => {
    const typo = venue.code.slice(0, -1) + (venue.code.endsWith('0') ? '1' : '0');
    for (const venueCode of [typo, 'NOT-A-CODE']) {
      const res = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venueCode) });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('venue_not_found');
    }
  });

  it('answers malformed JSON with 400 and an oversized body with 413, never 500', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/check-ins',
      payload: '{"venueCode":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_json');
    const huge = await call(t.app, 'POST', '/api/check-ins', {
      body: checkInBody(venue.code, { person: { fullName: 'x'.repeat(100_000), phone: '0912345678' } }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });

  it('checks in, answers 201 with a checkout token, and records the channel', async () => {
    const res = await call(t.app, 'POST', '/api/check-ins', {
      body: checkInBody(venue.code, { person: { fullName: 'Phạm Thu Hà', phone: '+84 987 000 111' } }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ venue: { name: 'Nhà văn hoá phường' }, flagged: false });
    expect(res.body.checkedInAt).toBe('2026-11-24T02:00:00.000Z');
    expect(res.body.checkoutToken).toMatch(/^[\w-]{32}$/);
    const today = await insideNow();
    expect(today.byChannel.qr_self).toBeGreaterThanOrEqual(1);
    // The venue's own manager sees visitors' phones masked (API v1.1).
    expect(JSON.stringify(today.items)).toContain('09******11');
  });

  it('returns the first result with 200 and writes nothing when a clientId is repeated', async () => {
    const body = checkInBody(venue.code, { person: { fullName: 'Retry Person', phone: '0911000222' } });
    const first = await call(t.app, 'POST', '/api/check-ins', { body });
    t.clock.advanceMinutes(1);
    const again = await call(t.app, 'POST', '/api/check-ins', { body });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const { rows } = await t.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM check_ins WHERE person_phone = '0911000222'",
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('accepts on-behalf check-ins for family members sharing one phone without closing each other', async () => {
    const mother = checkInBody(venue.code, { person: { fullName: 'Trần Thị Mai', phone: '0933444555' } });
    const child = checkInBody(venue.code, {
      channel: 'on_behalf',
      person: { fullName: 'Trần Bảo An', phone: '0933444555' },
    });
    expect((await call(t.app, 'POST', '/api/check-ins', { body: mother })).status).toBe(201);
    expect((await call(t.app, 'POST', '/api/check-ins', { body: child })).status).toBe(201);
    const { rows } = await t.ctx.db.query<{ open: number }>(
      "SELECT count(*) FILTER (WHERE checked_out_at IS NULL)::int AS open FROM check_ins WHERE person_phone = '0933444555'",
    );
    expect(rows[0]!.open).toBe(2);
  });
});

describe("GET /api/venues/:id/today (the door's list)", () => {
  it('answers exactly the contract, phones masked for the manager as maskPhone does, whole for an official', async () => {
    const read = async (cookie: string) => {
      const res = await call(t.app, 'GET', `/api/venues/${venue.id}/today`, { cookie });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      // Nothing the contract does not name, nothing it refuses (the list is written as text, not by the schema).
      expect(venuesApi.today.responses[200].parse(res.body)).toEqual(res.body);
      return res.body as { items: { id: string; phone: string }[] };
    };
    const admin = await read(await login(t.app, ADMIN.username, ADMIN.password));
    const manager = await read(venue.managerCookie!);
    expect(admin.items.length).toBeGreaterThan(2);
    expect(manager.items.map((c) => c.id)).toEqual(admin.items.map((c) => c.id));
    expect(manager.items.map((c) => c.phone)).toEqual(admin.items.map((c) => maskPhone(c.phone)));
    expect(admin.items.map((c) => c.phone)).toContain('0987000111');
  });

  it('writes each entry as it was recorded: a name that needs escaping, a stay checked out, the times in ISO UTC', async () => {
    const fullName = 'Lê "Tí" \\ Bé\tÚt';
    const res = await call(t.app, 'POST', '/api/check-ins', {
      body: checkInBody(venue.code, { person: { fullName, phone: '0966777888' } }),
    });
    expect(res.status).toBe(201);
    t.clock.advanceMinutes(1);
    const out = await call(t.app, 'POST', `/api/check-ins/${res.body.id}/check-out`, {
      body: { checkoutToken: res.body.checkoutToken },
    });
    expect(out.status).toBe(200);
    const admin = await login(t.app, ADMIN.username, ADMIN.password);
    const list = await call(t.app, 'GET', `/api/venues/${venue.id}/today`, { cookie: admin });
    const { rows } = await t.ctx.db.query<{ checked_in_at: Date; checked_out_at: Date }>(
      'SELECT checked_in_at, checked_out_at FROM check_ins WHERE id = $1',
      [res.body.id],
    );
    expect(list.body.items.find((e: { id: string }) => e.id === res.body.id)).toEqual({
      id: res.body.id,
      fullName: res.body.person?.fullName ?? fullName,
      phone: '0966777888',
      channel: 'qr_self',
      checkedInAt: rows[0]!.checked_in_at.toISOString(),
      checkedOutAt: rows[0]!.checked_out_at.toISOString(),
      flagged: false,
      statusColour: null,
    });
    // One flagged at the door, with its colour: both written as stored.
    await t.ctx.db.query(`UPDATE check_ins SET flagged = true, status_colour = 'yellow' WHERE id = $1`, [
      res.body.id,
    ]);
    const again = await call(t.app, 'GET', `/api/venues/${venue.id}/today`, { cookie: admin });
    expect(again.body.items.find((e: { id: string }) => e.id === res.body.id)).toMatchObject({
      checkedOutAt: rows[0]!.checked_out_at.toISOString(),
      flagged: true,
      statusColour: 'yellow',
    });
  });

  it('lists the newest entry first, same instants by id, and an empty day as no entries', async () => {
    const admin = await login(t.app, ADMIN.username, ADMIN.password);
    for (const fullName of ['Vũ Minh Khôi', 'Vũ Minh Khang']) {
      const body = checkInBody(venue.code, {
        channel: 'on_behalf',
        person: { fullName, phone: '0922000333' },
      });
      expect((await call(t.app, 'POST', '/api/check-ins', { body })).status).toBe(201);
    }
    t.clock.advanceMinutes(1);
    const { items } = (await call(t.app, 'GET', `/api/venues/${venue.id}/today`, { cookie: admin })).body as {
      items: { id: string; checkedInAt: string }[];
    };
    const newestFirst = [...items].sort(
      (a, b) => b.checkedInAt.localeCompare(a.checkedInAt) || a.id.localeCompare(b.id),
    );
    expect(items.length).toBeGreaterThan(3);
    expect(items).toEqual(newestFirst);
    const empty = await call(t.app, 'GET', `/api/venues/${otherVenue.id}/today`, { cookie: admin });
    expect([empty.status, empty.body.items, empty.body.total]).toEqual([200, [], 0]);
  });

  it('counts the day per channel alike when the list holds all of it and when it holds only the newest 200', async () => {
    const admin = await login(t.app, ADMIN.username, ADMIN.password);
    const market = await registerVenue(t.app, { name: 'Chợ Bến Thành' });
    for (const channel of ['qr_self', 'on_behalf', 'qr_self']) {
      const body = checkInBody(market.code, {
        channel,
        person: { fullName: 'Đỗ Văn Nam', phone: '0933111222' },
      });
      expect((await call(t.app, 'POST', '/api/check-ins', { body })).status).toBe(201);
    }
    const today = async () =>
      (await call(t.app, 'GET', `/api/venues/${market.id}/today`, { cookie: admin })).body;
    const counted = async () => {
      const { rows } = await t.ctx.db.query<{ channel: string; n: number }>(
        'SELECT channel, count(*)::int AS n FROM check_ins WHERE venue_id = $1 GROUP BY channel',
        [market.id],
      );
      return Object.fromEntries(rows.map((r) => [r.channel, r.n]));
    };
    const few = await today();
    expect([few.items.length, few.total, few.byChannel]).toEqual([3, 3, { qr_self: 2, on_behalf: 1 }]);
    // 240 more today over three channels: the list shows 200, the counts cover all 243.
    await t.ctx.db.query(
      `INSERT INTO check_ins
       SELECT (jsonb_populate_record(c, jsonb_build_object('id', gen_random_uuid(),
                 'channel', (ARRAY['kiosk', 'paper', 'qr_staff'])[1 + g % 3]))).*
         FROM check_ins c, generate_series(1, 240) g
        WHERE c.id = (SELECT id FROM check_ins WHERE venue_id = $1 LIMIT 1)`,
      [market.id],
    );
    const many = await today();
    expect([many.items.length, many.total]).toEqual([200, 243]);
    expect(many.byChannel).toEqual(await counted());
    expect(many.byChannel).toEqual({ qr_self: 2, on_behalf: 1, kiosk: 80, paper: 80, qr_staff: 80 });
  });

  it('reads the caller, the venue and its day in one statement', async () => {
    const cookie = await login(t.app, ADMIN.username, ADMIN.password);
    const db = t.ctx.db;
    const { query, readsWithGenericPlans } = db;
    const statements: string[] = [];
    const counted = (q: Queryable) => countingStatements(q, statements);
    const unpatched: Queryable = { query: query.bind(db), exec: db.exec.bind(db) };
    Object.assign(db, {
      query: counted(unpatched).query,
      // PGlite reads through the database itself (its prepared statements run generic plans).
      readsWithGenericPlans: (fn: (q: Queryable) => Promise<unknown>) =>
        readsWithGenericPlans.call(db, (q: Queryable) => fn(counted(q === db ? unpatched : q))),
    });
    try {
      const res = await call(t.app, 'GET', `/api/venues/${venue.id}/today`, { cookie });
      expect(res.status).toBe(200);
    } finally {
      Object.assign(db, { query, readsWithGenericPlans });
    }
    expect(statements.filter((sql) => !/^\s*(BEGIN|COMMIT|SET)/i.test(sql))).toHaveLength(1);
  });

  it('reads nothing of the venue for a session that ended, or for no session', async () => {
    const url = `/api/venues/${venue.id}/today`;
    for (const cookie of ['sid=not-a-session', undefined]) {
      const res = await call(t.app, 'GET', url, { cookie });
      expect([res.status, res.body.error.code]).toEqual([401, 'not_logged_in']);
      // Input found wrong waits for the session: 401 before the input's own answer (API: login first).
      for (const wrong of ['/api/venues/abc/today', '/api/venues/1%00/today']) {
        const refused = await call(t.app, 'GET', wrong, { cookie });
        expect([refused.status, refused.body.error.code], wrong).toEqual([401, 'not_logged_in']);
      }
    }
    const live = await login(t.app, ADMIN.username, ADMIN.password);
    expect((await call(t.app, 'GET', '/api/venues/abc/today', { cookie: live })).status).toBe(404);
    const cookie = await login(t.app, ADMIN.username, ADMIN.password);
    expect((await call(t.app, 'POST', '/api/auth/logout', { cookie })).status).toBe(204);
    expect((await call(t.app, 'GET', url, { cookie })).status).toBe(401);
    expect(
      (await call(t.app, 'GET', `/api/venues/${otherVenue.id}/today`, { cookie: venue.managerCookie! }))
        .status,
    ).toBe(404);
  });
});

describe('stays and check-out', () => {
  it('closes the open stay when the same person checks in elsewhere', async () => {
    const person = { fullName: 'Đỗ Quang Huy', phone: '0944555666' };
    const first = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code, { person }) });
    t.clock.advanceMinutes(30);
    await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(otherVenue.code, { person }) });
    const { rows } = await t.ctx.db.query<{ checked_out_at: Date; checkout_reason: string }>(
      'SELECT checked_out_at, checkout_reason FROM check_ins WHERE id = $1',
      [first.body.id],
    );
    expect(rows[0]!.checkout_reason).toBe('next_check_in');
    expect(rows[0]!.checked_out_at.toISOString()).toBe(t.clock.now.toISOString());
  });

  it('refuses a check-out with a wrong token (403) and for an unknown check-in (404)', async () => {
    const res = await call(t.app, 'POST', '/api/check-ins', {
      body: checkInBody(venue.code, { person: { fullName: 'X Y', phone: '0955000111' } }),
    });
    const wrong = await call(t.app, 'POST', `/api/check-ins/${res.body.id}/check-out`, {
      body: { checkoutToken: 'a'.repeat(32) },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('invalid_checkout_token');
    const unknown = await call(t.app, 'POST', `/api/check-ins/${crypto.randomUUID()}/check-out`, {
      body: { checkoutToken: res.body.checkoutToken },
    });
    expect(unknown.status).toBe(404);
    const notUuid = await call(t.app, 'POST', '/api/check-ins/123/check-out', { body: {} });
    expect(notUuid.status).toBe(404);
  });

  it('checks out with the token, and a second check-out keeps the first time', async () => {
    const res = await call(t.app, 'POST', '/api/check-ins', {
      body: checkInBody(venue.code, { person: { fullName: 'Vũ Lan', phone: '0966000111' } }),
    });
    t.clock.advanceMinutes(45);
    const out = await call(t.app, 'POST', `/api/check-ins/${res.body.id}/check-out`, {
      body: { checkoutToken: res.body.checkoutToken },
    });
    expect(out.status).toBe(200);
    expect(out.body.checkedOutAt).toBe(t.clock.now.toISOString());
    t.clock.advanceMinutes(10);
    const again = await call(t.app, 'POST', `/api/check-ins/${res.body.id}/check-out`, {
      body: { checkoutToken: res.body.checkoutToken },
    });
    expect(again.body.checkedOutAt).toBe(out.body.checkedOutAt);
  });

  it('lets the venue manager check a person out without a token, but not a stranger', async () => {
    const res = await call(t.app, 'POST', '/api/check-ins', {
      body: checkInBody(venue.code, { person: { fullName: 'Hồ Nam', phone: '0977000111' } }),
    });
    const stranger = await call(t.app, 'POST', `/api/check-ins/${res.body.id}/check-out`, {
      body: {},
      cookie: otherVenue.managerCookie,
    });
    expect(stranger.status).toBe(404);
    const staff = await call(t.app, 'POST', `/api/check-ins/${res.body.id}/check-out`, {
      body: {},
      cookie: venue.managerCookie,
    });
    expect(staff.status).toBe(200);
  });

  it('counts people inside until their default stay of 4 hours ends', async () => {
    const fresh = await registerVenue(t.app, { name: 'Phòng họp 30 người', capacity: 30 });
    await call(t.app, 'POST', '/api/check-ins', {
      body: checkInBody(fresh.code, { person: { fullName: 'Ngô Bình', phone: '0988000111' } }),
    });
    const today = async () =>
      (await call(t.app, 'GET', `/api/venues/${fresh.id}/today`, { cookie: fresh.managerCookie })).body;
    expect((await today()).inside).toBe(1);
    t.clock.advanceMinutes(239);
    expect((await today()).inside).toBe(1);
    t.clock.advanceMinutes(1);
    expect((await today()).inside).toBe(0);
    expect((await today()).total).toBe(1);
  });
});

describe('many check-ins at once (batched writes)', () => {
  it('records 40 concurrent check-ins, counting a clientId sent three times at once as one', async () => {
    const bodies = Array.from({ length: 40 }, (_, i) =>
      checkInBody(i % 2 ? venue.code : otherVenue.code, {
        person: { fullName: `Khách ${i}`, phone: `0971${String(i).padStart(6, '0')}` },
      }),
    );
    const repeated = bodies[3]!;
    const answers = await Promise.all(
      [...bodies, repeated, repeated].map((body) => call(t.app, 'POST', '/api/check-ins', { body })),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created).toHaveLength(40);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(40);
    // Whichever of the three copies came first, the other two get its answer with 200.
    const copies = [answers[3]!, answers[40]!, answers[41]!];
    expect(copies.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(copies.map((a) => a.body.id)).size).toBe(1);
    expect(answers[1]!.body.venue.name).toBe('Nhà văn hoá phường');
    expect(answers[2]!.body.venue.name).toBe('Siêu thị Co.op');
    const { rows } = await t.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM check_ins WHERE person_phone LIKE '0971%'",
    );
    expect(rows[0]!.n).toBe(40);
  });

  it('still refuses a suspended venue and an unknown entrance inside a batch', async () => {
    const suspended = await registerVenue(t.app, { name: 'Tạm dừng' });
    await t.ctx.db.query("UPDATE venues SET status = 'suspended' WHERE id = $1", [suspended.id]);
    const typo = venue.code.slice(0, 10) + '1' + 'A'.repeat(12);
    const [ok, refused, unknown] = await Promise.all(
      [venue.code, suspended.code, typo].map((code) =>
        call(t.app, 'POST', '/api/check-ins', { body: checkInBody(code) }),
      ),
    );
    expect([ok!.status, refused!.status, unknown!.status]).toEqual([201, 409, 404]);
  });
});

describe('what the answer shows at the door (F17, F18)', () => {
  it('says grey without a declaration, and counts people inside against the capacity', async () => {
    const room = await registerVenue(t.app, { name: 'Phòng họp 2 người', capacity: 2 });
    const enter = (fullName: string, phone: string) =>
      call(t.app, 'POST', '/api/check-ins', {
        body: checkInBody(room.code, { person: { fullName, phone } }),
      });
    const first = await enter('Lý Thị Một', '0981000001');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ statusColour: 'grey', occupancy: { inside: 1, capacity: 2 } });
    expect((await enter('Lý Văn Hai', '0981000002')).body.occupancy).toEqual({ inside: 2, capacity: 2 });
    // The third is over capacity: warned on the page, still recorded (a meeting's 30-person rule).
    const third = await enter('Lý Văn Ba', '0981000003');
    expect(third.status).toBe(201);
    expect(third.body.occupancy).toEqual({ inside: 3, capacity: 2 });
    // The same person again, a minute later, closes their own stay first: still three inside.
    t.clock.advanceMinutes(1);
    expect((await enter('Lý Văn Ba', '0981000003')).body.occupancy.inside).toBe(3);
    // One leaves.
    await call(t.app, 'POST', `/api/check-ins/${first.body.id}/check-out`, {
      body: { checkoutToken: first.body.checkoutToken },
    });
    const shown = await call(t.app, 'GET', `/api/venues/by-code/${room.code}`);
    expect(shown.body.occupancy).toEqual({ inside: 2, capacity: 2 });
    // A venue without a capacity: the count alone.
    const open = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(otherVenue.code) });
    expect(open.body.occupancy).toEqual({ inside: expect.any(Number), capacity: null });
    // A retry answers the first result, with the occupancy now.
    const body = checkInBody(room.code, { person: { fullName: 'Lý Văn Bốn', phone: '0981000004' } });
    expect((await call(t.app, 'POST', '/api/check-ins', { body })).body.occupancy.inside).toBe(3);
    const retry = await call(t.app, 'POST', '/api/check-ins', { body });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ statusColour: 'grey', occupancy: { inside: 3, capacity: 2 } });
  });
});
