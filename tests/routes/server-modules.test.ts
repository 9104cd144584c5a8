/**
 * A node starts lean: the document libraries (exceljs for XLSX, pdfkit for posters, cards and reports)
 * are loaded on the first document, not with the app (≈ 0.5 s of start and ≈ 30 MB a node that never
 * prints does without). Checked on the built server in a process of its own, whose CommonJS module
 * cache lists every package the app's import graph loaded.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, ROOT } from '../support/server-process.js';

/** Runs `script` (an ES module body) in a fresh node in the project root; answers what it printed as JSON. */
function inFreshNode(script: string): Record<string, boolean> {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, boolean>;
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
