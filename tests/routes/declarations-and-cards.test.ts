import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  call,
  declarationBody,
  declare,
  login,
  NO_EXPOSURE,
  NO_SYMPTOMS,
  startTestApp,
  type TestApp,
} from '../support/app.js';
import { pdfInfo, pdfProse, pdfRectangles } from '../support/documents.js';

let t: TestApp;
let adminCookie: string;
let hanoiOfficial: string;

beforeAll(async () => {
  t = await startTestApp({}, new Date('2026-11-24T03:00:00Z'));
  adminCookie = await login(t.app, ADMIN.username, ADMIN.password);
  await call(t.app, 'POST', '/api/users', {
    cookie: adminCookie,
    body: { username: 'hanoi', password: 'official-pass-1', role: 'official', adminUnitCode: '01' },
  });
  hanoiOfficial = await login(t.app, 'hanoi', 'official-pass-1');
});
afterAll(() => t.close());

describe('POST /api/declarations', () => {
  it('requires the pledge, every symptom and exposure answer, and a valid person (400)', async () => {
    const res = await call(t.app, 'POST', '/api/declarations', {
      body: declarationBody({ pledge: false, symptoms: { fever: true }, exposure: undefined }),
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['pledge', 'symptoms.cough', 'exposure']));
  });

  it('rejects unknown visited areas and hotspots', async () => {
    expect(
      (await call(t.app, 'POST', '/api/declarations', { body: declarationBody({ visitedAreas: ['98'] }) }))
        .status,
    ).toBe(400);
    const hotspot = await call(t.app, 'POST', '/api/declarations', {
      body: declarationBody({ hotspotVisits: [999999] }),
    });
    expect(hotspot.status).toBe(404);
    expect(hotspot.body.error.code).toBe('hotspot_not_found');
  });

  it('issues a signed personal card whose QR holds no personal data', async () => {
    const body = declarationBody({
      person: { fullName: 'Trịnh Công Sơn', phone: '0913111222', idNumber: '079090001234' },
    });
    const res = await call(t.app, 'POST', '/api/declarations', { body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ flagged: false, statusColour: 'green' });
    expect(res.body.card.qr).toMatch(/^https:\/\/qr\.example\.vn\/card\/[0-9A-Z]{23}$/);
    for (const personal of ['0913111222', '079090001234', 'Trịnh', 'Son'])
      expect(res.body.card.qr).not.toContain(personal);
    expect(res.body.card.number).toMatch(/^[0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{2}$/);
  });

  it('keeps one card per person and links it to the newest declaration', async () => {
    const person = { fullName: 'Phan Văn Khải', phone: '0913222333' };
    const first = await declare(t.app, { person });
    const second = await declare(t.app, { person, symptoms: { ...NO_SYMPTOMS, fever: true } });
    expect(second.card.id).toBe(first.card.id);
    expect(second.flagged).toBe(true);
    const card = await call(t.app, 'GET', `/api/cards/${first.card.id}?token=${first.card.holderToken}`);
    expect(card.body).toMatchObject({ statusColour: 'yellow', flagged: true });
  });

  it('returns the first answer for a repeated clientId', async () => {
    const body = declarationBody();
    const first = await call(t.app, 'POST', '/api/declarations', { body });
    const again = await call(t.app, 'POST', '/api/declarations', { body });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.card.id).toBe(first.body.card.id);
  });

  it.each([
    ['a symptom', { symptoms: { ...NO_SYMPTOMS, soreThroat: true } }, 'yellow'],
    ['contact with a confirmed case', { exposure: { ...NO_EXPOSURE, confirmedCase: true } }, 'red'],
    [
      'a symptom and contact with a symptomatic person',
      { symptoms: { ...NO_SYMPTOMS, cough: true }, exposure: { ...NO_EXPOSURE, symptomaticPerson: true } },
      'red',
    ],
  ])('flags %s and colours it by the default rules', async (_label, answers, colour) => {
    const res = await declare(t.app, answers);
    expect(res.flagged).toBe(true);
    expect(res.statusColour).toBe(colour);
  });
});

describe('hotspots', () => {
  it('lets an official mark a unit of their area only (401, 400, 403, 201)', async () => {
    const body = { adminUnitCode: '00004', from: '2026-11-10', to: '2026-11-20', note: 'Ổ dịch chợ' };
    expect((await call(t.app, 'POST', '/api/hotspots', { body })).status).toBe(401);
    expect(
      (
        await call(t.app, 'POST', '/api/hotspots', {
          body: { ...body, to: '2026-11-01' },
          cookie: hanoiOfficial,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(t.app, 'POST', '/api/hotspots', {
          body: { ...body, adminUnitCode: '26743' },
          cookie: hanoiOfficial,
        })
      ).status,
    ).toBe(403);
    const created = await call(t.app, 'POST', '/api/hotspots', { body, cookie: hanoiOfficial });
    expect(created.status).toBe(201);
  });

  it('is listed for the form and flags declarations that say yes or list a unit inside it', async () => {
    const created = await call(t.app, 'POST', '/api/hotspots', {
      body: { adminUnitCode: '002', from: '2026-11-15', to: '2026-11-22' },
      cookie: hanoiOfficial,
    });
    const active = (await call(t.app, 'GET', '/api/hotspots/active')).body.items;
    const listed = active.find((h: { id: number }) => h.id === created.body.id);
    expect(listed.adminUnitName).toBe('Quận Hoàn Kiếm, Thành phố Hà Nội');

    const saidYes = await declare(t.app, { hotspotVisits: [created.body.id] });
    expect(saidYes).toMatchObject({ flagged: true, statusColour: 'yellow' });
    const visitedInside = await declare(t.app, { visitedAreas: ['00037'] });
    expect(visitedInside.flagged).toBe(true);
    const visitedProvince = await declare(t.app, { visitedAreas: ['01'] });
    expect(visitedProvince.flagged).toBe(false);
  });

  it('stops asking about a hotspot 21 days after its window ended', async () => {
    const old = await call(t.app, 'POST', '/api/hotspots', {
      body: { adminUnitCode: '00001', from: '2026-10-01', to: '2026-11-03' },
      cookie: hanoiOfficial,
    });
    const ids = () =>
      call(t.app, 'GET', '/api/hotspots/active').then((r) => r.body.items.map((h: { id: number }) => h.id));
    expect(await ids()).toContain(old.body.id);
    t.clock.advanceMinutes(24 * 60);
    expect(await ids()).not.toContain(old.body.id);
    t.clock.advanceMinutes(-24 * 60);
  });
});

describe('status rules', () => {
  it('lets a province make any symptom red for its people, leaving others on the national rules', async () => {
    expect(
      (
        await call(t.app, 'PUT', '/api/status-rules/79', {
          body: { anySymptom: 'red' },
          cookie: hanoiOfficial,
        })
      ).status,
    ).toBe(403);
    const set = await call(t.app, 'PUT', '/api/status-rules/01', {
      body: { anySymptom: 'red' },
      cookie: hanoiOfficial,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ anySymptom: 'red', confirmedCase: 'red', hotspotVisit: 'yellow' });
    const fever = { ...NO_SYMPTOMS, fever: true };
    const hanoian = await declare(t.app, {
      symptoms: fever,
      person: { fullName: 'A Hà Nội', phone: '0914000001', adminUnitCode: '00001' },
    });
    const saigonese = await declare(t.app, {
      symptoms: fever,
      person: { fullName: 'B Sài Gòn', phone: '0914000002', adminUnitCode: '26743' },
    });
    expect(hanoian.statusColour).toBe('red');
    expect(saigonese.statusColour).toBe('yellow');
    expect(
      (
        await call(t.app, 'PUT', '/api/status-rules/VN', {
          body: { anySymptom: 'purple' },
          cookie: adminCookie,
        })
      ).status,
    ).toBe(400);
  });
});

describe('cards for their holder', () => {
  it('serves the printable card as PDF to the holder only', async () => {
    const d = await declare(t.app);
    expect((await call(t.app, 'GET', `/api/cards/${d.card.id}/card.pdf?token=wrong`)).status).toBe(403);
    const pdf = await call(t.app, 'GET', `/api/cards/${d.card.id}/card.pdf?token=${d.card.holderToken}`);
    expect(pdf.status).toBe(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints a family’s cards together at ID-card size, four to an A4 sheet, for their holder only', async () => {
    const family = [];
    for (const [fullName, birthYear] of [
      ['Nguyễn Văn Bình', 1970],
      ['Trần Thị Mai', 1974],
      ['Nguyễn Bảo Ngọc', 2004],
      ['Nguyễn Minh Khôi', 2008],
      ['Nguyễn Thị Lan', 1948],
    ] as const) {
      family.push((await declare(t.app, { person: { fullName, phone: '0912555001', birthYear } })).card);
    }
    const held = family.map((c) => ({ id: c.id, holderToken: c.holderToken }));
    const res = await call(t.app, 'POST', '/api/cards/print', { body: { cards: held } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const info = pdfInfo(res.body);
    expect(info.pages).toBe(2);
    expect(info.pageSize).toMatch(/595\.\d* x 841\.\d* pts \(A4\)/);
    const text = pdfProse(res.body);
    for (const card of family) expect(text).toContain(card.number);
    expect(text).toContain('Nguyễn Thị Lan');
    expect(text).toContain('Năm sinh: 1948');
    expect(text).toContain('Cắt theo dấu góc');
    // The card is ID-1 size: the front's frame is 85.6 × 54 mm (242.6 × 153.1 pt).
    const drawn = pdfRectangles(res.body);
    expect(drawn).toContainEqual({ width: 242.6, height: 153.1 });
    // Its QR, quiet zone included, is 52 mm square (the product asks at least 5 × 5 cm).
    expect(drawn).toContainEqual({ width: 147.4, height: 147.4 });

    const stolen = [...held.slice(0, 2), { id: family[2]!.id, holderToken: family[0]!.holderToken }];
    expect((await call(t.app, 'POST', '/api/cards/print', { body: { cards: stolen } })).status).toBe(403);
    const tooMany = Array.from({ length: 9 }, () => held[0]!);
    expect((await call(t.app, 'POST', '/api/cards/print', { body: { cards: tooMany } })).status).toBe(400);
    expect((await call(t.app, 'POST', '/api/cards/print', { body: { cards: [] } })).status).toBe(400);
  });

  it('reissues a card: the old QR is refused, the new one works, the old token cannot reissue again', async () => {
    const d = await declare(t.app);
    const fresh = await call(t.app, 'POST', `/api/cards/${d.card.id}/reissue`, {
      body: { holderToken: d.card.holderToken },
    });
    expect(fresh.status).toBe(201);
    expect(fresh.body.id).not.toBe(d.card.id);
    expect(fresh.body.qr).not.toBe(d.card.qr);
    const again = await call(t.app, 'POST', `/api/cards/${d.card.id}/reissue`, {
      body: { holderToken: d.card.holderToken },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('card_revoked');
    const stranger = await call(t.app, 'POST', `/api/cards/${fresh.body.id}/revoke`, {
      body: { holderToken: d.card.holderToken },
    });
    expect(stranger.status).toBe(403);
    const revoked = await call(t.app, 'POST', `/api/cards/${fresh.body.id}/revoke`, {
      body: { holderToken: fresh.body.holderToken },
    });
    expect(revoked.body.status).toBe('revoked');
  });
});
