import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tracingApi } from '../../src/shared/api/tracing.js';
import {
  ADMIN,
  call,
  checkInBody,
  declare,
  HANOI_COMMUNE,
  HCMC_COMMUNE,
  login,
  registerVenue,
  startTestApp,
  type TestApp,
} from '../support/app.js';

/** Phường Trúc Bạch and Phường Vĩnh Phúc (Ba Đình, Hà Nội). */
const TRUC_BACH = '00004';
const VINH_PHUC = '00006';
const F0 = { fullName: 'Nguyễn Văn Ca', phone: '0900000000' };
const PURPOSE = 'Truy vết ca bệnh BN-1234 theo yêu cầu CDC Hà Nội';

let t: TestApp;
let admin: string;
let hanoiTracer: string;
let hcmcTracer: string;
let hanoiOfficial: string;
let hcmcOfficial: string;
let venues: Record<'cafe' | 'shop' | 'gym' | 'market', Awaited<ReturnType<typeof registerVenue>>>;
const tokens = new Map<string, { id: string; checkoutToken: string }>();

/** Minutes after 09:00 local on 2026-11-20. */
const at = (minutes: number) => new Date(Date.parse('2026-11-20T02:00:00Z') + minutes * 60_000);

async function visit(
  venue: { code: string },
  person: { fullName: string; phone: string },
  inAt: number,
  outAt?: number,
) {
  t.clock.now = at(inAt);
  const res = await call(t.app, 'POST', '/api/check-ins', { body: checkInBody(venue.code, { person }) });
  expect(res.status).toBe(201);
  tokens.set(`${person.fullName}@${inAt}`, { id: res.body.id, checkoutToken: res.body.checkoutToken });
  if (outAt !== undefined) {
    t.clock.now = at(outAt);
    const out = await call(t.app, 'POST', `/api/check-ins/${res.body.id}/check-out`, {
      body: { checkoutToken: res.body.checkoutToken },
    });
    expect(out.status).toBe(200);
  }
}

async function account(username: string, role: string, unit: string) {
  await call(t.app, 'POST', '/api/users', {
    cookie: admin,
    body: { username, password: 'tracer-pass-1', role, adminUnitCode: unit },
  });
  return login(t.app, username, 'tracer-pass-1');
}

const trace = (cookie: string | undefined, body: Record<string, unknown>) =>
  call(t.app, 'POST', '/api/tracing/queries', {
    cookie,
    body: { subject: { phone: F0.phone }, from: '2026-11-20', to: '2026-11-20', purpose: PURPOSE, ...body },
  });

const contactList = (body: {
  contacts: { person: { fullName: string }; venueId: number; overlapMinutes: number; level: number }[];
}) => body.contacts.map((c) => [c.level, c.person.fullName, c.venueId, c.overlapMinutes]);

beforeAll(async () => {
  // Hà Nội (01) has its own health hotline; elsewhere the national one answers.
  t = await startTestApp({ HEALTH_HOTLINES: '01=024 3998 5765' }, at(-60));
  admin = await login(t.app, ADMIN.username, ADMIN.password);
  venues = {
    cafe: await registerVenue(t.app, { name: '=Cà phê "Giảng"', adminUnitCode: HANOI_COMMUNE }),
    shop: await registerVenue(t.app, { name: 'Cửa hàng Trúc Bạch', adminUnitCode: TRUC_BACH }),
    gym: await registerVenue(t.app, {
      name: 'Phòng tập Vĩnh Phúc',
      adminUnitCode: VINH_PHUC,
      category: 'gym',
    }),
    market: await registerVenue(t.app, {
      name: 'Chợ Bến Thành',
      adminUnitCode: HCMC_COMMUNE,
      category: 'market',
    }),
  };
  // The case: café 09:00–10:00, shop from 14:00 (no check-out: 4 h default), market 19:00–19:30.
  await visit(venues.cafe, F0, 0, 60);
  await visit(venues.cafe, { fullName: 'Trần Thị Ở Lâu', phone: '0911000001' }, 30); // 09:30, no check-out → 60 min with the widened window
  await visit(venues.cafe, { fullName: 'Lê Văn Đến Sau', phone: '0911000002' }, 80, 200); // 10:20: 10 min of the 30-min margin
  await visit(venues.cafe, { fullName: 'Phạm Thị Quá Muộn', phone: '0911000003' }, 90, 120); // 10:30: touches, no contact
  await visit(venues.shop, F0, 300);
  await visit(venues.shop, { fullName: 'Đỗ Văn Chiều', phone: '0911000004' }, 480, 510); // 17:00–17:30: 30 min
  await visit(venues.gym, { fullName: 'Trần Thị Ở Lâu', phone: '0911000001' }, 420, 480); // the F1 at the gym 16:00–17:00
  await visit(venues.gym, { fullName: 'Vũ Văn F2', phone: '0911000005' }, 430, 450); // 20 min with the F1 → F2
  await visit(venues.market, F0, 600, 630);
  await visit(venues.market, { fullName: 'Người Sài Gòn', phone: '0911000006' }, 600, 700);
  t.clock.now = at(24 * 60);
  admin = await login(t.app, ADMIN.username, ADMIN.password);
  hanoiTracer = await account('truyvet-hanoi', 'tracer', '01');
  hcmcTracer = await account('truyvet-hcm', 'tracer', '79');
  hanoiOfficial = await account('ubnd-hanoi', 'official', '01');
  hcmcOfficial = await account('ubnd-hcm', 'official', '79');
});
afterAll(() => t.close());

describe('POST /api/tracing/queries', () => {
  it('asks for a login (401), a purpose and a subject (400), and refuses venue accounts (403)', async () => {
    expect((await trace(undefined, {})).status).toBe(401);
    const noPurpose = await trace(hanoiTracer, { purpose: undefined });
    expect(noPurpose.status).toBe(400);
    expect(noPurpose.body.error.details.map((d: { path: string }) => d.path)).toContain('purpose');
    expect((await trace(hanoiTracer, { purpose: '   ' })).status).toBe(400);
    expect((await trace(hanoiTracer, { subject: {} })).status).toBe(400);
    expect((await trace(hanoiTracer, { subject: { phone: '12' } })).status).toBe(400);
    expect((await trace(hanoiTracer, { from: '2026-11-21', to: '2026-11-20' })).status).toBe(400);
    const manager = await login(t.app, String(venues.cafe.body.contactPhone), 'manager-pass-1');
    expect((await trace(manager, {})).status).toBe(403);
  });

  it("finds the case's visits in the tracer's area and everyone whose stay overlapped, with minutes", async () => {
    const res = await trace(hanoiTracer, {});
    expect(res.status).toBe(200);
    expect(res.body.subject).toEqual({ fullName: F0.fullName, phone: F0.phone });
    expect(res.body.visits.map((v: { venueName: string }) => v.venueName)).toEqual([
      '=Cà phê "Giảng"',
      'Cửa hàng Trúc Bạch',
    ]);
    expect(contactList(res.body)).toEqual([
      [1, 'Trần Thị Ở Lâu', venues.cafe.id, 60],
      [1, 'Đỗ Văn Chiều', venues.shop.id, 30],
      [1, 'Lê Văn Đến Sau', venues.cafe.id, 10],
    ]);
    expect(res.body.marginMinutes).toBe(30);
  });

  it('uses the margin the tracer gives', async () => {
    const res = await trace(hanoiTracer, { marginMinutes: 0 });
    expect(contactList(res.body)).toEqual([
      [1, 'Trần Thị Ở Lâu', venues.cafe.id, 30],
      [1, 'Đỗ Văn Chiều', venues.shop.id, 30],
    ]);
  });

  it('adds the contacts of contacts with depth 2', async () => {
    const res = await trace(hanoiTracer, { depth: 2 });
    // Exactly the contract: no field more (the answer is sent without a run-time schema check).
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(tracingApi.trace.responses[200].parse(res.body)).toEqual(res.body);
    // Phạm Thị came to the café after the case left but while the F1 was still there; Vũ Văn met the F1 at the gym.
    expect(contactList(res.body).filter((c) => c[0] === 2)).toEqual([
      [2, 'Phạm Thị Quá Muộn', venues.cafe.id, 30],
      [2, 'Vũ Văn F2', venues.gym.id, 20],
    ]);
  });

  it('keeps each tracer to their own area; the national admin sees everywhere', async () => {
    const hcmc = await trace(hcmcTracer, {});
    expect(hcmc.body.visits.map((v: { venueName: string }) => v.venueName)).toEqual(['Chợ Bến Thành']);
    expect(contactList(hcmc.body)).toEqual([[1, 'Người Sài Gòn', venues.market.id, 60]]);
    const all = await trace(admin, {});
    expect(all.body.visits).toHaveLength(3);
  });

  it('identifies the case by the personal card QR too', async () => {
    t.clock.now = at(24 * 60 + 5);
    const card = (await declare(t.app, { person: { fullName: F0.fullName, phone: F0.phone } })).card;
    const res = await trace(hanoiTracer, { subject: { cardQr: card.qr } });
    expect(res.body.visits).toHaveLength(2);
    expect(
      (await trace(hanoiTracer, { subject: { cardQr: 'https://qr.example.vn/card/FORGED' } })).status,
    ).toBe(404);
  });

  it('exports the contact list as CSV with formulas neutralised', async () => {
    const res = await call(t.app, 'POST', '/api/tracing/queries?format=csv', {
      cookie: hanoiTracer,
      body: { subject: { phone: F0.phone }, from: '2026-11-20', purpose: PURPOSE },
    });
    expect(res.status).toBe(200);
    const text = res.body.toString('utf8');
    expect(text).toContain(`"'=Cà phê ""Giảng"""`);
    expect(text).toContain('F1,Trần Thị Ở Lâu,0911000001');
  });
});

describe('notices', () => {
  it('leaves a notice on each F1 check-in, visible only with that check-in token, and texts them', async () => {
    const res = await trace(hanoiTracer, { notify: true });
    expect(res.body.notified).toBe(3);
    const f1 = tokens.get('Trần Thị Ở Lâu@30')!;
    const history = await call(t.app, 'POST', '/api/history', { body: { items: [f1] } });
    expect(history.status).toBe(200);
    expect(history.body.items).toEqual([
      expect.objectContaining({
        id: f1.id,
        venueName: '=Cà phê "Giảng"',
        hotline: '024 3998 5765',
        notices: [expect.objectContaining({ kind: 'contact' })],
      }),
    ]);
    const forged = await call(t.app, 'POST', '/api/history', {
      body: { items: [{ id: f1.id, checkoutToken: 'x'.repeat(20) }] },
    });
    expect(forged.body.items).toEqual([]);
    const late = tokens.get('Phạm Thị Quá Muộn@90')!;
    expect(
      (await call(t.app, 'POST', '/api/history', { body: { items: [late] } })).body.items[0].notices,
    ).toEqual([]);
    const { rows } = await t.ctx.db.query<{ phone: string }>(
      `SELECT phone FROM sms_messages WHERE purpose = 'contact_notice' ORDER BY phone`,
    );
    expect(rows.map((r) => r.phone)).toEqual(['0911000001', '0911000002', '0911000004']);
    // The text is plain ASCII through and through (the venue's name too), with whom to call.
    const texts = await t.ctx.db.query<{ body: string }>(
      `SELECT body FROM sms_messages WHERE purpose = 'contact_notice' AND phone = '0911000001'`,
    );
    expect(texts.rows[0]!.body).toMatch(/^[\x20-\x7e]+$/);
    expect(texts.rows[0]!.body).toContain('tai =Ca phe "Giang" ngay');
    expect(texts.rows[0]!.body).toContain('goi duong day nong 024 3998 5765');
  });

  it('marks a venue and window as exposure: everyone present gets a notice', async () => {
    const body = {
      venueId: venues.cafe.id,
      from: '2026-11-20T09:00:00+07:00',
      to: '2026-11-20T09:45:00+07:00',
      purpose: PURPOSE,
      note: 'Nhân viên phục vụ dương tính',
    };
    expect(
      (await call(t.app, 'POST', '/api/tracing/exposure-marks', { cookie: hcmcTracer, body })).status,
    ).toBe(404);
    expect(
      (
        await call(t.app, 'POST', '/api/tracing/exposure-marks', {
          cookie: hanoiTracer,
          body: { ...body, to: body.from },
        })
      ).status,
    ).toBe(400);
    const res = await call(t.app, 'POST', '/api/tracing/exposure-marks', { cookie: hanoiTracer, body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ people: 2, notified: 2 });
    const history = await call(t.app, 'POST', '/api/history', {
      body: { items: [tokens.get(`${F0.fullName}@0`)!] },
    });
    expect(history.body.items[0].notices).toEqual([expect.objectContaining({ kind: 'venue_exposure' })]);
  });

  it('says what is wrong with a window: it ends before it starts, or it is longer than allowed', async () => {
    const window = async (from: string, to: string) =>
      (
        await call(t.app, 'POST', '/api/tracing/venue-exposures', {
          cookie: hanoiTracer,
          body: { venueId: venues.cafe.id, from, to, purpose: PURPOSE },
        })
      ).body.error;
    expect(await window('2026-11-20T10:40:00+07:00', '2026-11-20T10:00:00+07:00')).toMatchObject({
      code: 'invalid_date_range',
      details: [{ path: 'to', code: 'from_after_to' }],
    });
    expect(await window('2025-09-01T00:00:00+07:00', '2026-11-20T10:00:00+07:00')).toMatchObject({
      code: 'invalid_date_range',
      details: [{ path: 'to', code: 'too_long' }],
    });
  });

  it('lists who was at a venue during a window', async () => {
    const res = await call(t.app, 'POST', '/api/tracing/venue-exposures', {
      cookie: hanoiTracer,
      body: {
        venueId: venues.cafe.id,
        from: '2026-11-20T10:00:00+07:00',
        to: '2026-11-20T10:40:00+07:00',
        purpose: PURPOSE,
      },
    });
    expect(res.status).toBe(200);
    expect(
      res.body.present.map((p: { person: { fullName: string }; overlapMinutes: number }) => [
        p.person.fullName,
        p.overlapMinutes,
      ]),
    ).toEqual([
      ['Trần Thị Ở Lâu', 40],
      ['Lê Văn Đến Sau', 20],
      ['Phạm Thị Quá Muộn', 10],
    ]);
  });
});

describe('GET /api/audit', () => {
  it('records every tracing read with who, why, about whom and how much', async () => {
    expect((await call(t.app, 'GET', '/api/audit')).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/audit', { cookie: hanoiTracer })).status).toBe(403);
    const res = await call(t.app, 'GET', '/api/audit?from=2026-11-20&to=2026-11-21', {
      cookie: hanoiOfficial,
    });
    expect(res.status).toBe(200);
    const traces = res.body.items.filter((e: { action: string }) => e.action === 'contact_trace');
    // Seven successful queries touched Hà Nội (refused ones read nothing and are not logged).
    expect(traces).toHaveLength(7);
    expect(res.body.items[0]).toMatchObject({
      actor: 'truyvet-hanoi',
      purpose: PURPOSE,
      action: 'venue_exposure_list',
      result: { people: 3 },
    });
    // The audit keeps a keyed hash and a masked phone, never the traced person's number.
    const trace = traces.find((e: { result: { contacts: number } }) => e.result.contacts === 3);
    expect(trace.subject).toMatchObject({
      phoneMasked: '09******00',
      phoneHash: t.ctx.keys.sealer.lookupHash(F0.phone).toString('hex'),
    });
    expect(JSON.stringify(trace)).not.toContain(F0.phone);
  });

  it('shows officials only the entries touching their area', async () => {
    const hcmc = await call(t.app, 'GET', '/api/audit?from=2026-11-20&to=2026-11-21', {
      cookie: hcmcOfficial,
    });
    const actors = new Set(hcmc.body.items.map((e: { actor: string }) => e.actor));
    expect(actors.has('truyvet-hcm')).toBe(true);
    expect(actors.has('truyvet-hanoi')).toBe(false);
    const hanoi = await call(t.app, 'GET', '/api/audit?from=2026-11-20&to=2026-11-21', {
      cookie: hanoiOfficial,
    });
    expect(new Set(hanoi.body.items.map((e: { actor: string }) => e.actor)).has('truyvet-hcm')).toBe(false);
  });

  it('cannot be changed or deleted, not even by SQL', async () => {
    await expect(t.ctx.db.query(`UPDATE audit_log SET purpose = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.ctx.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect((await call(t.app, 'DELETE', '/api/audit', { cookie: admin })).status).toBe(404);
  });
});

describe('a family on one phone (API v1.1 subject_ambiguous)', () => {
  const phone = '0922000000';
  it('names the people a phone belongs to, and traces one of them with the others as contacts', async () => {
    // A father checks in with his daughter declared on the same phone, 11:00–12:00 at the café.
    await visit(venues.cafe, { fullName: 'Hoàng Văn Bố', phone }, 120, 180);
    await visit(venues.cafe, { fullName: 'Hoàng Thị Con', phone }, 120, 180);
    t.clock.now = at(24 * 60);
    const auditRows = async () =>
      (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
    const before = await auditRows();
    const unsure = await trace(hanoiTracer, { subject: { phone } });
    expect(unsure.status).toBe(409);
    expect(unsure.body.error.code).toBe('subject_ambiguous');
    expect(unsure.body.error.details).toEqual([
      expect.objectContaining({ fullName: 'Hoàng Thị Con', birthYear: null }),
      expect.objectContaining({ fullName: 'Hoàng Văn Bố', birthYear: null }),
    ]);
    expect(await auditRows()).toBe(before + 1); // the names were read: audited
    const father = await trace(hanoiTracer, { subject: { phone, fullName: 'hoàng văn  bố' } });
    expect(father.status).toBe(200);
    expect(father.body.visits).toHaveLength(1);
    expect(father.body.subject.fullName).toBe('Hoàng Văn Bố');
    expect(father.body.contacts).toContainEqual(
      expect.objectContaining({ person: expect.objectContaining({ fullName: 'Hoàng Thị Con' }), level: 1 }),
    );
  });
});

describe('an F1 found with notify turns red (API v1.1)', () => {
  it('at the door, on their own check-in and on their card, until the rule’s period ends', async () => {
    const phone = '0933000000';
    const person = { fullName: 'Đinh Thị Tiếp Xúc', phone };
    t.clock.now = at(200);
    const card = await declare(t.app, { person: { ...person, idNumber: '001190055555' } });
    expect(card.statusColour).toBe('green');
    await visit(venues.cafe, { fullName: 'Ca Bệnh Hai', phone: '0933999999' }, 240, 300);
    await visit(venues.cafe, person, 250, 280);
    t.clock.now = at(24 * 60);
    const traced = await trace(hanoiTracer, { subject: { phone: '0933999999' }, notify: true });
    expect(traced.status).toBe(200);
    expect(traced.body.contacts.map((c: { person: { fullName: string } }) => c.person.fullName)).toContain(
      person.fullName,
    );
    // Her own check-in the next day: red.
    const self = await call(t.app, 'POST', '/api/check-ins', {
      body: checkInBody(venues.shop.code, { person }),
    });
    expect(self.body.statusColour).toBe('red');
    // Her card scanned at the door: red.
    const staff = await login(t.app, String(venues.shop.body.contactPhone), 'manager-pass-1');
    const scanned = await call(t.app, 'POST', `/api/venues/${venues.shop.id}/check-ins`, {
      cookie: staff,
      body: { clientId: crypto.randomUUID(), channel: 'qr_staff', cardQr: card.card.qr },
    });
    expect(scanned.body).toMatchObject({ statusColour: 'red', person: { fullName: person.fullName } });
    // Her card, read by her phone: red.
    const shown = await call(t.app, 'GET', `/api/cards/${card.card.id}?token=${card.card.holderToken}`);
    expect(shown.body.statusColour).toBe('red');
    // Someone else at the same check-in: unchanged.
    const other = await call(t.app, 'POST', '/api/check-ins', {
      body: checkInBody(venues.shop.code, { person: { fullName: 'Người Khác', phone: '0933111111' } }),
    });
    expect(other.body.statusColour).toBe('grey');
    // 15 days later the 14-day rule has ended: her declaration's colour again.
    t.clock.advanceMinutes(15 * 24 * 60);
    const later = await call(t.app, 'GET', `/api/cards/${card.card.id}?token=${card.card.holderToken}`);
    expect(later.body.statusColour).toBe('green');
  });
});

describe('a case who met nobody', () => {
  it('answers no contacts when nobody shared the time of the case', async () => {
    const alone = { fullName: 'Lý Thị Một Mình', phone: '0911000099' };
    await visit(venues.gym, alone, 800, 830); // 22:20: nobody else at the gym
    t.clock.now = at(24 * 60);
    const res = await trace(hanoiTracer, { subject: { phone: alone.phone } });
    expect(res.status).toBe(200);
    expect(res.body.visits).toHaveLength(1);
    expect(res.body.contacts).toEqual([]);
  });
});
