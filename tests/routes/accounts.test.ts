/**
 * Managing accounts after day one (issue 14, API v1.1 accounts): who lists whom, deactivation that
 * ends sessions at once, re-scoping within one's area, temporary passwords that must be changed, one's
 * own password change, and venue managers creating their staff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  call,
  HANOI_COMMUNE,
  HCMC_COMMUNE,
  login,
  registerVenue,
  startTestApp,
  type TestApp,
} from '../support/app.js';

let t: TestApp;
let admin: string;
let hanoi: string;
const ids: Record<string, number> = {};
let hanoiVenue: Awaited<ReturnType<typeof registerVenue>>;
let hcmcVenue: Awaited<ReturnType<typeof registerVenue>>;
const PASSWORD = 'account-pass-1';

async function create(cookie: string, username: string, account: object) {
  const res = await call(t.app, 'POST', '/api/users', {
    cookie,
    body: { username, password: PASSWORD, ...account },
  });
  expect(res.status).toBe(201);
  ids[username] = res.body.id;
}

const usernames = (res: { body: { items: { username: string }[] } }) => res.body.items.map((a) => a.username);

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });
  admin = await login(t.app, ADMIN.username, ADMIN.password);
  hanoiVenue = await registerVenue(t.app, { adminUnitCode: HANOI_COMMUNE, name: 'Phở Hà Nội' });
  hcmcVenue = await registerVenue(t.app, { adminUnitCode: HCMC_COMMUNE, name: 'Chợ Bến Thành' });
  await create(admin, 'ubnd-ha-noi', { role: 'official', adminUnitCode: '01' });
  await create(admin, 'truy-vet-ba-dinh', { role: 'tracer', adminUnitCode: '001' });
  await create(admin, 'ubnd-hcm', { role: 'official', adminUnitCode: '79' });
  hanoi = await login(t.app, 'ubnd-ha-noi', PASSWORD);
});
afterAll(() => t.close());

describe('GET /api/users', () => {
  it('needs a login and a managing role', async () => {
    expect((await call(t.app, 'GET', '/api/users')).status).toBe(401);
    const tracer = await login(t.app, 'truy-vet-ba-dinh', PASSWORD);
    expect((await call(t.app, 'GET', '/api/users', { cookie: tracer })).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/users?role=king', { cookie: admin })).status).toBe(400);
  });

  it("lists every other account for the admin, and an official's area only for the official", async () => {
    const all = usernames(await call(t.app, 'GET', '/api/users', { cookie: admin }));
    expect(all).toEqual(expect.arrayContaining(['ubnd-ha-noi', 'truy-vet-ba-dinh', 'ubnd-hcm']));
    expect(all).not.toContain(ADMIN.username);
    const theirs = await call(t.app, 'GET', '/api/users', { cookie: hanoi });
    expect(theirs.status).toBe(200);
    expect(usernames(theirs)).toEqual(
      expect.arrayContaining(['truy-vet-ba-dinh', String(hanoiVenue.body.contactPhone)]),
    );
    expect(usernames(theirs)).not.toContain('ubnd-hcm');
    expect(usernames(theirs)).not.toContain(String(hcmcVenue.body.contactPhone));
    expect(usernames(theirs)).not.toContain('ubnd-ha-noi'); // oneself: the password page, not this list
    const tracer = theirs.body.items.find((a: { username: string }) => a.username === 'truy-vet-ba-dinh');
    expect(tracer).toMatchObject({ role: 'tracer', adminUnitCode: '001', active: true, venueIds: [] });
  });

  it('searches by name, role, unit and venue', async () => {
    expect(usernames(await call(t.app, 'GET', '/api/users?q=truy', { cookie: admin }))).toEqual([
      'truy-vet-ba-dinh',
    ]);
    expect(
      usernames(await call(t.app, 'GET', '/api/users?role=official&adminUnit=79', { cookie: admin })),
    ).toEqual(['ubnd-hcm']);
    expect(
      usernames(await call(t.app, 'GET', `/api/users?venueId=${hcmcVenue.id}`, { cookie: admin })),
    ).toEqual([String(hcmcVenue.body.contactPhone)]);
  });
});

describe('PATCH /api/users/:id', () => {
  it('deactivates an account: its sessions end at once and its password stops working; reactivates it', async () => {
    const tracer = await login(t.app, 'truy-vet-ba-dinh', PASSWORD);
    const off = await call(t.app, 'PATCH', `/api/users/${ids['truy-vet-ba-dinh']}`, {
      cookie: hanoi,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false });
    expect((await call(t.app, 'GET', '/api/auth/me', { cookie: tracer })).status).toBe(401);
    const refused = await call(t.app, 'POST', '/api/auth/login', {
      body: { username: 'truy-vet-ba-dinh', password: PASSWORD },
    });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('invalid_credentials');
    await call(t.app, 'PATCH', `/api/users/${ids['truy-vet-ba-dinh']}`, {
      cookie: hanoi,
      body: { active: true },
    });
    expect(await login(t.app, 'truy-vet-ba-dinh', PASSWORD)).toMatch(/^sid=/);
  });

  it('moves an official or tracer within the area only, and hides accounts outside it', async () => {
    const id = ids['truy-vet-ba-dinh'];
    const moved = await call(t.app, 'PATCH', `/api/users/${id}`, {
      cookie: hanoi,
      body: { adminUnitCode: '002' },
    });
    expect(moved.body.adminUnitCode).toBe('002');
    const out = await call(t.app, 'PATCH', `/api/users/${id}`, {
      cookie: hanoi,
      body: { adminUnitCode: '79' },
    });
    expect(out.status).toBe(403);
    const notTheirs = await call(t.app, 'PATCH', `/api/users/${ids['ubnd-hcm']}`, {
      cookie: hanoi,
      body: { active: false },
    });
    expect(notTheirs.status).toBe(404);
    expect(notTheirs.body.error.code).toBe('account_not_found');
    expect((await call(t.app, 'PATCH', `/api/users/${id}`, { cookie: hanoi, body: {} })).status).toBe(400);
    const wrongField = await call(t.app, 'PATCH', `/api/users/${id}`, {
      cookie: hanoi,
      body: { venueIds: [hanoiVenue.id] },
    });
    expect(wrongField.status).toBe(400);
    expect((await call(t.app, 'PATCH', `/api/users/${id}`, { body: { active: false } })).status).toBe(401);
  });
});

describe('temporary passwords and changing one’s own', () => {
  it('resets a password: the old one and its sessions end, the temporary one opens only the password change', async () => {
    const before = await login(t.app, 'truy-vet-ba-dinh', PASSWORD);
    const reset = await call(t.app, 'POST', `/api/users/${ids['truy-vet-ba-dinh']}/password-reset`, {
      cookie: hanoi,
    });
    expect(reset.status).toBe(200);
    const temporary: string = reset.body.temporaryPassword;
    expect(temporary).toMatch(/^[a-z2-9]{12}$/);
    expect((await call(t.app, 'GET', '/api/auth/me', { cookie: before })).status).toBe(401);

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'truy-vet-ba-dinh', password: temporary },
    });
    expect(res.json().user.mustChangePassword).toBe(true);
    const cookie = `sid=${res.cookies.find((c) => c.name === 'sid')!.value}`;
    const blocked = await call(t.app, 'POST', '/api/tracing/queries', { cookie, body: {} });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    // The door's list too (it reads the venue and its day in one statement of its own).
    const door = await call(t.app, 'GET', '/api/venues/1/today', { cookie });
    expect([door.status, door.body.error.code]).toEqual([403, 'password_change_required']);
    expect((await call(t.app, 'GET', '/api/auth/me', { cookie })).body.user.mustChangePassword).toBe(true);

    const wrong = await call(t.app, 'POST', '/api/auth/password', {
      cookie,
      body: { currentPassword: 'not-it-at-all', newPassword: 'my-own-password-2' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('current_password_wrong');
    const short = await call(t.app, 'POST', '/api/auth/password', {
      cookie,
      body: { currentPassword: temporary, newPassword: 'short' },
    });
    expect(short.status).toBe(400);
    const changed = await call(t.app, 'POST', '/api/auth/password', {
      cookie,
      body: { currentPassword: temporary, newPassword: 'my-own-password-2' },
    });
    expect(changed.status).toBe(204);
    expect((await call(t.app, 'GET', '/api/auth/me', { cookie })).body.user.mustChangePassword).toBe(false);
    expect(await login(t.app, 'truy-vet-ba-dinh', 'my-own-password-2')).toMatch(/^sid=/);
  });

  it("ends one's other sessions when one changes one's own password", async () => {
    const here = await login(t.app, 'ubnd-hcm', PASSWORD);
    const elsewhere = await login(t.app, 'ubnd-hcm', PASSWORD);
    const res = await call(t.app, 'POST', '/api/auth/password', {
      cookie: here,
      body: { currentPassword: PASSWORD, newPassword: 'ubnd-hcm-new-pass' },
    });
    expect(res.status).toBe(204);
    expect((await call(t.app, 'GET', '/api/auth/me', { cookie: here })).status).toBe(200);
    expect((await call(t.app, 'GET', '/api/auth/me', { cookie: elsewhere })).status).toBe(401);
    expect((await call(t.app, 'POST', '/api/auth/password', { body: {} })).status).toBe(401);
  });
});

describe('venue managers and their staff', () => {
  it('creates staff for their own venue only, lists and manages only them', async () => {
    const manager = hanoiVenue.managerCookie!;
    const staff = { role: 'venue_staff', venueIds: [hanoiVenue.id] };
    await create(manager, 'nhan-vien-pho', staff);
    const elsewhere = await call(t.app, 'POST', '/api/users', {
      cookie: manager,
      body: { username: 'nhan-vien-cho', password: PASSWORD, role: 'venue_staff', venueIds: [hcmcVenue.id] },
    });
    expect(elsewhere.status).toBe(404);
    const official = await call(t.app, 'POST', '/api/users', {
      cookie: manager,
      body: { username: 'quan-chuc', password: PASSWORD, role: 'official', adminUnitCode: '01' },
    });
    expect(official.status).toBe(403);
    expect(usernames(await call(t.app, 'GET', '/api/users', { cookie: manager }))).toEqual(['nhan-vien-pho']);
    const reset = await call(t.app, 'POST', `/api/users/${ids['nhan-vien-pho']}/password-reset`, {
      cookie: manager,
    });
    expect(reset.status).toBe(200);
    const other = await call(t.app, 'POST', `/api/users/${ids['ubnd-ha-noi']}/password-reset`, {
      cookie: manager,
    });
    expect(other.status).toBe(404);
  });

  it('answers a duplicate username with username_taken, not the venue-registration message', async () => {
    const res = await call(t.app, 'POST', '/api/users', {
      cookie: admin,
      body: { username: 'ubnd-ha-noi', password: PASSWORD, role: 'official', adminUnitCode: '01' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('username_taken');
    expect(res.body.error.message).toBe('Tên đăng nhập này đã được dùng. Hãy chọn tên khác.');
  });
});
