import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  call,
  declare,
  login,
  NO_EXPOSURE,
  NO_SYMPTOMS,
  registerVenue,
  startTestApp,
  type TestApp,
} from '../support/app.js';

let t: TestApp;
let venue: Awaited<ReturnType<typeof registerVenue>>;
let other: Awaited<ReturnType<typeof registerVenue>>;
let staffCookie: string;
const url = () => `/api/venues/${venue.id}/check-ins`;
const body = (extra: Record<string, unknown>) => ({
  clientId: crypto.randomUUID(),
  channel: 'qr_staff',
  ...extra,
});

beforeAll(async () => {
  t = await startTestApp({}, new Date('2026-11-24T03:00:00Z'));
  venue = await registerVenue(t.app, { name: 'Chốt kiểm soát cầu Chương Dương', category: 'checkpoint' });
  other = await registerVenue(t.app, { name: 'Quán khác' });
  const admin = await login(t.app, ADMIN.username, ADMIN.password);
  await call(t.app, 'POST', '/api/users', {
    cookie: admin,
    body: { username: 'gate-staff', password: 'gate-staff-1', role: 'venue_staff', venueIds: [venue.id] },
  });
  staffCookie = await login(t.app, 'gate-staff', 'gate-staff-1');
});
afterAll(() => t.close());

describe('POST /api/venues/:id/check-ins', () => {
  it('needs a login (401), a valid body (400), and staff of this venue (404 for others)', async () => {
    const d = await declare(t.app);
    expect((await call(t.app, 'POST', url(), { body: body({ cardQr: d.card.qr }) })).status).toBe(401);
    expect(
      (await call(t.app, 'POST', url(), { body: { channel: 'qr_self' }, cookie: staffCookie })).status,
    ).toBe(400);
    expect(
      (await call(t.app, 'POST', url(), { body: body({ cardQr: d.card.qr }), cookie: other.managerCookie }))
        .status,
    ).toBe(404);
    expect((await call(t.app, 'POST', url(), { body: body({}), cookie: staffCookie })).body.error.code).toBe(
      'person_required',
    );
  });

  it('refuses a scan from a session with a temporary password (403), as every other route does', async () => {
    const admin = await login(t.app, ADMIN.username, ADMIN.password);
    const created = await call(t.app, 'POST', '/api/users', {
      cookie: admin,
      body: { username: 'gate-staff-2', password: 'gate-staff-2', role: 'venue_staff', venueIds: [venue.id] },
    });
    const reset = await call(t.app, 'POST', `/api/users/${created.body.id}/password-reset`, {
      cookie: admin,
    });
    expect(reset.status).toBe(200);
    const temporary = await login(t.app, 'gate-staff-2', reset.body.temporaryPassword);
    const d = await declare(t.app);
    const res = await call(t.app, 'POST', url(), { body: body({ cardQr: d.card.qr }), cookie: temporary });
    expect([res.status, res.body.error.code]).toEqual([403, 'password_change_required']);
  });

  it('records a scanned card with the holder name and the status colour of their declaration', async () => {
    const d = await declare(t.app, {
      person: { fullName: 'Lý Thường Kiệt', phone: '0915000111' },
      symptoms: { ...NO_SYMPTOMS, fever: true },
    });
    const res = await call(t.app, 'POST', url(), { body: body({ cardQr: d.card.qr }), cookie: staffCookie });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      person: { fullName: 'Lý Thường Kiệt' },
      flagged: true,
      statusColour: 'yellow',
      venue: { name: 'Chốt kiểm soát cầu Chương Dương' },
    });
    const today = await call(t.app, 'GET', `/api/venues/${venue.id}/today`, { cookie: venue.managerCookie });
    expect(today.body.byChannel.qr_staff).toBeGreaterThanOrEqual(1);
  });

  it('accepts the bare code a keyboard-wedge scanner types, and records kiosk entries as kiosk', async () => {
    const d = await declare(t.app);
    const bare = d.card.qr.split('/card/')[1];
    const res = await call(t.app, 'POST', url(), {
      body: body({ cardQr: bare, channel: 'kiosk' }),
      cookie: staffCookie,
    });
    expect(res.status).toBe(201);
    expect(res.body.statusColour).toBe('green');
    const { rows } = await t.ctx.db.query<{ channel: string }>(
      'SELECT channel FROM check_ins WHERE id = $1',
      [res.body.id],
    );
    expect(rows[0]!.channel).toBe('kiosk');
  });

  it('refuses a forged card (404 card_not_found) and a revoked one (409 card_revoked)', async () => {
    const d = await declare(t.app);
    const forged = d.card.qr.slice(0, -3) + (d.card.qr.endsWith('AAA') ? 'BBB' : 'AAA');
    const f = await call(t.app, 'POST', url(), {
      body: body({ cardQr: forged }),
      cookie: staffCookie,
      lang: 'en',
    });
    expect(f.status).toBe(404);
    expect(f.body.error).toMatchObject({
      code: 'card_not_found',
      message: 'Invalid card: the QR code is wrong or forged.',
    });
    await call(t.app, 'POST', `/api/cards/${d.card.id}/revoke`, {
      body: { holderToken: d.card.holderToken },
    });
    const r = await call(t.app, 'POST', url(), { body: body({ cardQr: d.card.qr }), cookie: staffCookie });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('card_revoked');
  });

  it('looks a card up by the number printed on it, typed by hand (spaces, lower case, O for 0)', async () => {
    const d = await declare(t.app, { person: { fullName: 'Vũ Thị Số', phone: '0918777666' } });
    expect(d.card.number).toMatch(/^[0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{2}$/);
    const typed = d.card.number.toLowerCase().replace(/0/g, 'o');
    const res = await call(t.app, 'POST', url(), { body: body({ cardQr: typed }), cookie: staffCookie });
    expect(res.status).toBe(201);
    expect(res.body.person.fullName).toBe('Vũ Thị Số');
    const wrong = d.card.number.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect(
      (await call(t.app, 'POST', url(), { body: body({ cardQr: wrong }), cookie: staffCookie })).status,
    ).toBe(404);
  });

  it('never treats a venue code as a card', async () => {
    const res = await call(t.app, 'POST', url(), { body: body({ cardQr: venue.code }), cookie: staffCookie });
    expect(res.status).toBe(404);
  });

  it('shows yellow for a person whose last declaration is older than 14 days', async () => {
    const d = await declare(t.app);
    t.clock.advanceMinutes(15 * 24 * 60);
    const cookie = await login(t.app, 'gate-staff', 'gate-staff-1');
    const res = await call(t.app, 'POST', url(), { body: body({ cardQr: d.card.qr }), cookie });
    t.clock.advanceMinutes(-15 * 24 * 60);
    expect(res.body).toMatchObject({ statusColour: 'yellow', flagged: false });
  });

  it('types in a paper declaration with its past entry time, flags it, and refuses a future time', async () => {
    const at = new Date(t.clock.now.getTime() - 90 * 60_000).toISOString();
    const paper = await call(t.app, 'POST', url(), {
      cookie: staffCookie,
      body: body({
        channel: 'paper',
        at,
        person: { fullName: 'Cụ Nguyễn Văn Tư', phone: '0915000999', birthYear: 1940 },
        declaration: {
          symptoms: NO_SYMPTOMS,
          exposure: { ...NO_EXPOSURE, fromAffectedArea: true },
          pledge: true,
        },
      }),
    });
    expect(paper.status).toBe(201);
    expect(paper.body).toMatchObject({ checkedInAt: at, flagged: true, statusColour: 'yellow' });
    const { rows } = await t.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM declarations WHERE person_phone = '0915000999' AND channel = 'paper'",
    );
    expect(rows[0]!.n).toBe(1);
    const future = new Date(t.clock.now.getTime() + 60 * 60_000).toISOString();
    const refused = await call(t.app, 'POST', url(), {
      cookie: staffCookie,
      body: body({ channel: 'paper', at: future, person: { fullName: 'X', phone: '0915000998' } }),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('at_in_future');
    const old = await call(t.app, 'POST', url(), {
      cookie: staffCookie,
      body: body({
        channel: 'paper',
        at: '2026-10-01T08:00:00+07:00',
        person: { fullName: 'X', phone: '0915000998' },
      }),
    });
    expect(old.body.error.code).toBe('at_too_old');
  });

  it('books an entry from yesterday into its own day partition', async () => {
    const at = new Date(t.clock.now.getTime() - 30 * 60 * 60_000).toISOString();
    const res = await call(t.app, 'POST', url(), {
      cookie: staffCookie,
      body: body({ channel: 'paper', at, person: { fullName: 'Hôm qua', phone: '0915000997' } }),
    });
    expect(res.status).toBe(201);
    expect(res.body.checkedInAt).toBe(at);
  });

  it('writes one check-in for a clientId synced twice by an offline scanner', async () => {
    const d = await declare(t.app);
    const once = body({ cardQr: d.card.qr, at: new Date(t.clock.now.getTime() - 5 * 60_000).toISOString() });
    const first = await call(t.app, 'POST', url(), { body: once, cookie: staffCookie });
    const second = await call(t.app, 'POST', url(), { body: once, cookie: staffCookie });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.id).toBe(first.body.id);
  });
});

describe('GET /api/venues/:id/people', () => {
  it('finds the card holders of a phone for this venue’s staff only', async () => {
    const phone = '0916000111';
    await declare(t.app, { person: { fullName: 'Mẹ', phone } });
    await declare(t.app, { person: { fullName: 'Con', phone }, onBehalf: true });
    expect((await call(t.app, 'GET', `/api/venues/${venue.id}/people?phone=${phone}`)).status).toBe(401);
    expect(
      (
        await call(t.app, 'GET', `/api/venues/${venue.id}/people?phone=${phone}`, {
          cookie: other.managerCookie,
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(t.app, 'GET', `/api/venues/${venue.id}/people?phone=abc`, { cookie: staffCookie })).status,
    ).toBe(400);
    const res = await call(t.app, 'GET', `/api/venues/${venue.id}/people?phone=%2B84916000111`, {
      cookie: staffCookie,
    });
    expect(res.body.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Con', 'Mẹ']);
    expect(res.body.items[0]).not.toHaveProperty('qr');
  });
});

describe('a chip ID card at the door (cccdQr, F20)', () => {
  const CHIP = '001085001234|012345678|Phạm Văn Đồng|02031985|Nam|12 Phúc Xá, Ba Đình, Hà Nội|11062021';

  it('records the person with nothing issued, grey without a declaration, and counts two namesakes apart', async () => {
    const res = await call(t.app, 'POST', url(), { body: body({ cccdQr: CHIP }), cookie: staffCookie });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ person: { fullName: 'Phạm Văn Đồng' }, statusColour: 'grey' });
    const { rows } = await t.ctx.db.query<{ phone: string; birthYear: number; idHash: Buffer | null }>(
      `SELECT person_phone AS phone, person_birth_year AS "birthYear", person_id_hash AS "idHash"
         FROM check_ins WHERE id = $1`,
      [res.body.id],
    );
    expect(rows[0]).toMatchObject({ phone: '', birthYear: 1985, idHash: expect.any(Object) });
    // Same name, another card: a second person inside, not the first one's stay closed.
    const namesake = CHIP.replace('001085001234', '001085009999');
    const second = await call(t.app, 'POST', url(), {
      body: body({ cccdQr: namesake }),
      cookie: staffCookie,
    });
    expect(second.body.occupancy.inside).toBe(res.body.occupancy.inside + 1);
  });

  it('shows the colour of the latest declaration made with the same ID number', async () => {
    await declare(t.app, {
      person: { fullName: 'Phạm Thị Hoa', phone: '0917222333', idNumber: '001190077777' },
      symptoms: { ...NO_SYMPTOMS, cough: true },
    });
    const chip = '001190077777||Phạm Thị Hoa|01011990|Nữ|Hà Nội|01012022';
    const res = await call(t.app, 'POST', url(), { body: body({ cccdQr: chip }), cookie: staffCookie });
    expect(res.body).toMatchObject({ statusColour: 'yellow', flagged: true });
  });

  it('refuses what is not such a card with 400 cccd_invalid, and a chip card mixed with other entries', async () => {
    const bad = await call(t.app, 'POST', url(), {
      body: body({ cccdQr: '0010850012|x|y' }),
      cookie: staffCookie,
      lang: 'en',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('cccd_invalid');
    expect(bad.body.error.message).toContain('chip ID card');
    for (const extra of [
      { channel: 'paper' },
      { cardQr: 'X' },
      { person: { fullName: 'A', phone: '0912345678' } },
    ]) {
      const res = await call(t.app, 'POST', url(), {
        body: body({ cccdQr: CHIP, ...extra }),
        cookie: staffCookie,
      });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });
});
