/** Renders a PDF page with pdftoppm (poppler-utils) and decodes the QR code in it with jsQR. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export function renderPdfPage(pdfPath: string, outPrefix: string, dpi = 100): string {
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-png',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdfPath,
    outPrefix,
  ]);
  return `${outPrefix}.png`;
}

export function decodeQrFromPng(pngPath: string): string | null {
  const png = PNG.sync.read(readFileSync(pngPath));
  const found = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
    png.width,
    png.height,
  );
  return found?.data ?? null;
}
