/**
 * The built server in a process of its own, as it runs in production (the route tests' process makes
 * cheap password hashes, tests/support/app.ts):
 * - a node starts lean: the document libraries (exceljs for XLSX, pdfkit for posters, cards and
 *   reports) are loaded on the first document, not with the app (≈ 0.5 s of start and ≈ 30 MB a node
 *   that never prints does without), as its CommonJS module cache shows;
 * - passwords are hashed with argon2id at OWASP's cost.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, ROOT } from '../support/server-process.js';

/** Runs `script` (an ES module body) in a fresh node in the project root; answers what it printed as JSON. */
function inFreshNode(script: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, unknown>;
}

const LOADED = `
  const { createRequire } = await import('node:module');
  const cache = Object.keys(createRequire(import.meta.url).cache);
  const loaded = (name) => cache.some((path) => path.includes('/node_modules/' + name + '/'));
  console.log(JSON.stringify({ exceljs: loaded('exceljs'), pdfkit: loaded('pdfkit') }));`;

beforeAll(() => buildIfStale(), 180_000);

describe('the document libraries', () => {
  it('are not loaded with the app', () => {
    expect(inFreshNode(`await import('./dist/node/server/app.js'); ${LOADED}`)).toEqual({
      exceljs: false,
      pdfkit: false,
    });
  });

  it('are loaded by the first spreadsheet and the first PDF', () => {
    const made = inFreshNode(`
      const { toXlsx } = await import('./dist/node/server/documents/spreadsheet.js');
      const { newDocument } = await import('./dist/node/server/documents/pdf.js');
      await toXlsx([{ name: 'a', heading: [], columns: [{ header: 'x' }], rows: [['1']] }]);
      await newDocument({ title: 'a' });
      ${LOADED}`);
    expect(made).toEqual({ exceljs: true, pdfkit: true });
  });
});

describe('passwords', () => {
  it('are hashed with argon2id at 19 MiB and two passes', () => {
    const made = inFreshNode(`
      const { hashPassword } = await import('./dist/node/server/services/passwords.js');
      console.log(JSON.stringify({ hash: await hashPassword('mật khẩu đủ dài') }));`);
    expect(made.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
