import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfProse, pdfText } from '../support/documents.js';
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

const FORMULA = '=HYPERLINK("http://evil.example","bấm vào đây")';

let t: TestApp;
let hanoi: string;
let hcmc: string;
let venue: Awaited<ReturnType<typeof registerVenue>>;
const today = '2026-11-20';

async function readXlsx(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}

/** Every cell value of a sheet, row by row. */
function cells(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  t = await startTestApp({}, new Date('2026-11-20T03:00:00Z'));
  const admin = await login(t.app, ADMIN.username, ADMIN.password);
  for (const [username, unit] of [
    ['official-hanoi', '01'],
    ['official-hcmc', '79'],
  ]) {
    await call(t.app, 'POST', '/api/users', {
      cookie: admin,
      body: { username, password: 'official-pass-1', role: 'official', adminUnitCode: unit },
    });
  }
  hanoi = await login(t.app, 'official-hanoi', 'official-pass-1');
  hcmc = await login(t.app, 'official-hcmc', 'official-pass-1');
  venue = await registerVenue(t.app, {
    name: 'Văn phòng UBND tỉnh',
    category: 'office',
    adminUnitCode: HANOI_COMMUNE,
  });
  await registerVenue(t.app, { name: FORMULA, category: 'office', adminUnitCode: HANOI_COMMUNE });
  for (const [fullName, phone] of [
    ['Nguyễn Văn An', '0912000001'],
    [FORMULA, '0912000002'],
    ['+84 gọi ngay', '0912000003'],
  ]) {
    expect(
      (
        await call(t.app, 'POST', '/api/check-ins', {
          body: checkInBody(venue.code, { person: { fullName, phone } }),
        })
      ).status,
    ).toBe(201);
  }
  const paper = await call(t.app, 'POST', `/api/venues/${venue.id}/check-ins`, {
    cookie: venue.managerCookie,
    body: {
      clientId: crypto.randomUUID(),
      channel: 'paper',
      person: { fullName: '@SUM(A1:A9)', phone: '0912000004' },
      at: '2026-11-20T01:30:00Z',
    },
  });
  expect(paper.status).toBe(201);
});
afterAll(() => t.close());

describe("GET /api/reports/unit (the chairman's report)", () => {
  it('asks for a login, hides other provinces and checks the format', async () => {
    expect((await call(t.app, 'GET', '/api/reports/unit?adminUnit=01')).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/reports/unit?adminUnit=01', { cookie: hcmc })).status).toBe(404);
    expect(
      (await call(t.app, 'GET', '/api/reports/unit?adminUnit=01&format=docx', { cookie: hanoi })).status,
    ).toBe(400);
    expect(
      (await call(t.app, 'GET', '/api/reports/unit?adminUnit=01', { cookie: venue.managerCookie })).status,
    ).toBe(403);
  });

  it('prints a letter in the form of the seed letters, its tables as appendices, in Vietnamese', async () => {
    const res = await call(
      t.app,
      'GET',
      `/api/reports/unit?adminUnit=01&from=${today}&to=${today}&format=pdf`,
      { cookie: hanoi },
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const prose = pdfProse(res.body);
    // National header, issuing body, a number left to be written by hand, place and date.
    expect(prose).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc');
    expect(prose).toContain('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI');
    expect(pdfText(res.body)).toMatch(/Số: {6,}\/BC-UBND/);
    expect(prose).toContain('Hà Nội, ngày 20 tháng 11 năm 2026');
    expect(prose).toContain(
      'BÁO CÁO Tình hình khai báo y tế điện tử và quét mã QR từ ngày 20/11/2026 đến ngày 20/11/2026',
    );
    // The body in seed 000's wording, each site that had visitors named.
    expect(prose).toContain(
      'tổng số 4 lượt người (trong đó khai báo điện tử có quét mã QR 3 lượt người, khai báo giấy 1 lượt người), cụ thể:',
    );
    expect(prose).toContain(
      '+ Tại Văn phòng UBND tỉnh: tổng số 4 lượt người (trong đó, khai báo điện tử có quét mã QR 3 lượt người, khai báo giấy 1 lượt người).',
    );
    expect(prose).toContain('Ủy ban nhân dân Thành phố Hà Nội báo cáo để theo dõi, chỉ đạo./.');
    expect(prose).toContain('Nơi nhận:');
    expect(prose).toContain('- Ban Chỉ đạo phòng, chống dịch cấp trên (b/c); - Như trên; - Lưu: VT.');
    expect(prose).toContain('TM. ỦY BAN NHÂN DÂN CHỦ TỊCH');
    // Appendix I: the per-site table, its header on one line ("STT", not "ST/T").
    const layout = pdfText(res.body);
    expect(layout).toContain('PHỤ LỤC I');
    expect(layout).toMatch(/STT\s+Địa điểm\s+Tổng số lượt/);
    expect(layout).toMatch(/Văn phòng UBND tỉnh\s+4\s+3\s+1/);
    expect(layout).toMatch(/Tổng cộng\s+4\s+3\s+1/);
    expect(layout).toContain('PHỤ LỤC II');
    expect(layout).toMatch(/\n\s*STT\s+Đơn vị\s/);
  });

  it('prints the number and the signer given, and turns away ones too long', async () => {
    const url = `/api/reports/unit?adminUnit=01&from=${today}&format=pdf`;
    const res = await call(
      t.app,
      'GET',
      `${url}&number=${encodeURIComponent('125/BC-UBND')}&signer=${encodeURIComponent('Trần Sỹ Thanh')}`,
      {
        cookie: hanoi,
      },
    );
    const prose = pdfProse(res.body);
    expect(prose).toContain('Số: 125/BC-UBND');
    expect(pdfText(res.body)).toMatch(/CHỦ TỊCH\s[^]*\n {20,}Trần Sỹ Thanh/);
    expect(prose).toContain('(Kèm theo Báo cáo số 125/BC-UBND');
    const tooLong = await call(t.app, 'GET', `${url}&number=${'1'.repeat(41)}`, { cookie: hanoi });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details[0].path).toBe('number');
  });

  it('writes the letter in English when asked', async () => {
    const res = await call(t.app, 'GET', `/api/reports/unit?adminUnit=01&from=${today}&format=pdf`, {
      cookie: hanoi,
      headers: { 'accept-language': 'en' },
    });
    const prose = pdfProse(res.body);
    expect(prose).toContain('SOCIALIST REPUBLIC OF VIET NAM');
    expect(prose).toContain('Hà Nội, 20 November 2026');
    expect(prose).toContain('4 entries in total (3 electronic with a QR scan, 1 on paper), namely:');
  });

  it('gives the same report as XLSX, with formulas neutralised', async () => {
    const res = await call(t.app, 'GET', `/api/reports/unit?adminUnit=01&from=${today}&format=xlsx`, {
      cookie: hanoi,
    });
    expect(res.status).toBe(200);
    const book = await readXlsx(res.body);
    const sites = cells(book.worksheets[0]!);
    expect(sites).toContainEqual([1, 'Văn phòng UBND tỉnh', 4, 3, 1]);
    expect(sites).toContainEqual([2, `'${FORMULA}`, 0, 0, 0]);
    expect(sites.find((r) => r[1] === 'Tổng cộng')?.slice(1)).toEqual(['Tổng cộng', 4, 3, 1]);
    const units = cells(book.worksheets[1]!);
    expect(units.find((r) => r[1] === 'Quận Ba Đình')).toEqual([1, 'Quận Ba Đình', 2, 1, 4, 0]);
    book.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined())),
    );
  });
});

describe("GET /api/venues/:id/visits (a venue's in/out list)", () => {
  it('is for its manager and officials over it only', async () => {
    expect((await call(t.app, 'GET', `/api/venues/${venue.id}/visits`)).status).toBe(401);
    expect((await call(t.app, 'GET', `/api/venues/${venue.id}/visits`, { cookie: hcmc })).status).toBe(404);
    expect(
      (
        await call(t.app, 'GET', `/api/venues/${venue.id}/visits?from=2026-11-21&to=2026-11-20`, {
          cookie: hanoi,
        })
      ).status,
    ).toBe(400);
  });

  it('exports CSV whose cells cannot run as formulas', async () => {
    const res = await call(t.app, 'GET', `/api/venues/${venue.id}/visits?format=csv&from=${today}`, {
      cookie: venue.managerCookie,
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('STT,Họ và tên,Số điện thoại,Giờ vào,Giờ ra,Hình thức,Cần theo dõi');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe("1,'@SUM(A1:A9),09******04,2026-11-20 08:30,,Khai báo giấy,");
    expect(
      lines.some((l: string) => l.includes(`"'=HYPERLINK(""http://evil.example"",""bấm vào đây"")"`)),
    ).toBe(true);
    expect(lines.some((l: string) => l.includes(",'+84 gọi ngay,"))).toBe(true);
    for (const line of lines) for (const field of line.split(',')) expect(field).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('exports XLSX with the same rows, every text cell inert', async () => {
    const res = await call(t.app, 'GET', `/api/venues/${venue.id}/visits?format=xlsx&from=${today}`, {
      cookie: hanoi,
      lang: 'en',
    });
    expect(res.status).toBe(200);
    const rows = cells((await readXlsx(res.body)).worksheets[0]!);
    expect(rows).toContainEqual([1, "'@SUM(A1:A9)", '0912000004', '2026-11-20 08:30', undefined, 'Paper']);
    for (const row of rows)
      for (const value of row) if (typeof value === 'string') expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('export jobs with progress', () => {
  it('runs an export in the background, reports progress and serves the file to its owner only', async () => {
    expect(
      (await call(t.app, 'POST', '/api/exports', { body: { kind: 'unit_report', format: 'pdf' } })).status,
    ).toBe(401);
    expect(
      (
        await call(t.app, 'POST', '/api/exports', {
          cookie: hanoi,
          body: { kind: 'unit_report', format: 'csv' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(t.app, 'POST', '/api/exports', {
          cookie: hcmc,
          body: { kind: 'venue_list', format: 'csv', venueId: venue.id },
        })
      ).status,
    ).toBe(404);
    const started = await call(t.app, 'POST', '/api/exports', {
      cookie: hanoi,
      body: { kind: 'venue_list', format: 'xlsx', venueId: venue.id, from: today },
    });
    expect(started.status).toBe(202);
    let status = await call(t.app, 'GET', `/api/exports/${started.body.id}`, { cookie: hanoi });
    for (let i = 0; i < 100 && status.body.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = await call(t.app, 'GET', `/api/exports/${started.body.id}`, { cookie: hanoi });
    }
    expect(status.body).toMatchObject({
      status: 'done',
      progress: 100,
      filename: `danh-sach-ra-vao-${venue.id}-${today}-${today}.xlsx`,
    });
    expect((await call(t.app, 'GET', `/api/exports/${started.body.id}`, { cookie: hcmc })).status).toBe(404);
    expect((await call(t.app, 'GET', `/api/exports/${started.body.id}/file`, { cookie: hcmc })).status).toBe(
      404,
    );
    const file = await call(t.app, 'GET', `/api/exports/${started.body.id}/file`, { cookie: hanoi });
    expect(file.status).toBe(200);
    expect(cells((await readXlsx(file.body)).worksheets[0]!).length).toBeGreaterThan(4);
  });
});

describe('POST /api/imports/venues', () => {
  const header = 'name,category,adminUnitCode,address,contactName,contactPhone';

  it('is for officials, and needs the required columns', async () => {
    expect((await call(t.app, 'POST', '/api/imports/venues', { body: { csv: header } })).status).toBe(401);
    expect(
      (
        await call(t.app, 'POST', '/api/imports/venues', {
          cookie: venue.managerCookie,
          body: { csv: `${header}\nA,office,00001,1,B,0912000009` },
        })
      ).status,
    ).toBe(403);
    const missing = await call(t.app, 'POST', '/api/imports/venues', {
      cookie: hanoi,
      body: { csv: 'name,address\nA,B' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: { path: string }) => d.path)).toContain('csv.category');
  });

  it('registers each valid row in the background with progress, and reports every row', async () => {
    const csv = [
      header,
      'Trường Mầm non Phúc Xá,school,00001,"12 Phố Nghĩa Dũng, Phúc Xá",Cô Hiệu trưởng,0913000001',
      'Chợ Bến Thành,market,26743,Lê Lợi,Ban quản lý,0913000002',
      'Sai số điện thoại,office,00001,1 Phúc Xá,Văn thư,12345',
    ].join('\n');
    const started = await call(t.app, 'POST', '/api/imports/venues', { cookie: hanoi, body: { csv } });
    expect(started.status).toBe(202);
    let status = await call(t.app, 'GET', `/api/exports/${started.body.id}`, { cookie: hanoi });
    for (let i = 0; i < 100 && status.body.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = await call(t.app, 'GET', `/api/exports/${started.body.id}`, { cookie: hanoi });
    }
    expect(status.body).toMatchObject({ status: 'done', progress: 100 });
    const report = (await call(t.app, 'GET', `/api/exports/${started.body.id}/file`, { cookie: hanoi })).body
      .toString('utf8')
      .trim()
      .split('\r\n');
    expect(report[0]!.replace(/^\uFEFF/, '')).toBe('row,name,status,venueId,checkInUrl,error');
    expect(report[1]).toMatch(/^2,Trường Mầm non Phúc Xá,ok,\d+,https:\/\/qr\.example\.vn\/c\/\w+,$/);
    expect(report[2]).toBe('3,Chợ Bến Thành,error,,,Bạn không có quyền thực hiện thao tác này.');
    expect(report[3]).toMatch(/^4,Sai số điện thoại,error,,,Dữ liệu gửi lên không hợp lệ\. contactPhone$/);
  });
});
