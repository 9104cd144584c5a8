/** Reading the documents the app produces, as a person opening them would. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/** Runs `read` on the PDF written to a temporary file (poppler reads files), removed afterwards. */
function withPdfFile<T>(body: Buffer, read: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'qr-pdf-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, body);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF, laid out as on the page (poppler's pdftotext). */
export function pdfText(body: Buffer): string {
  return withPdfFile(body, (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
}

/** The running text of a PDF's paragraphs, lines joined with one space (pdftotext, reading order). */
export function pdfProse(body: Buffer): string {
  return withPdfFile(body, (file) =>
    execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
  );
}

/** Page count and page size as poppler's pdfinfo reports them. */
export function pdfInfo(body: Buffer): { pages: number; pageSize: string } {
  const out = withPdfFile(body, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]),
    pageSize: /^Page size:\s+(.*)$/m.exec(out)?.[1] ?? '',
  };
}

/**
 * The sizes (points, one decimal) of the rectangles a PDF draws (`x y w h re` in its content streams,
 * inflated): what a ruler would measure on the printed page.
 */
export function pdfRectangles(body: Buffer): { width: number; height: number }[] {
  const sizes: { width: number; height: number }[] = [];
  const text = body.toString('latin1');
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(text); m; m = streams.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(body.subarray(start, end)).toString('latin1');
    } catch {
      continue; // fonts and images that are not deflated content
    }
    for (const r of content.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)) {
      const round = (v: string) => Math.round(Math.abs(Number(v)) * 10) / 10;
      sizes.push({ width: round(r[3]!), height: round(r[4]!) });
    }
  }
  return sizes;
}
