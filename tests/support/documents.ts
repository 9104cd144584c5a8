/** Reading the documents the app produces, as a person opening them would. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The text of a PDF, laid out as on the page (poppler's pdftotext). */
export function pdfText(body: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  writeFileSync(join(dir, 'r.pdf'), body);
  return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
}

/** The running text of a PDF's paragraphs, lines joined with one space (pdftotext, reading order). */
export function pdfProse(body: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  writeFileSync(join(dir, 'r.pdf'), body);
  return execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
