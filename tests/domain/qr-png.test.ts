import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPng } from '../../src/server/documents/qr.js';

/** Each pixel black (true) or white, read back by pngjs. */
function pixelsOf(png: Buffer) {
  const image = PNG.sync.read(png);
  const dark = Array.from({ length: image.width * image.height }, (_, i) => image.data[i * 4]! < 128);
  return { width: image.width, height: image.height, dark, image };
}

const URLS = [
  'https://checkin.hanoi.gov.vn/c/Kq3xv9Lm2PzR8tWb.MEUCIQDx4k9f2a',
  'http://localhost:3000/c/AB12',
  `https://qr.example.vn/c/${'x'.repeat(120)}`,
];

describe('the QR download as PNG', () => {
  it.each(URLS)(
    'is a 1024-pixel square, one bit a pixel, that a QR reader decodes back to %s',
    async (url) => {
      const png = await qrPng(url);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt8(24)).toBe(1); // bit depth
      expect(png.readUInt8(25)).toBe(0); // greyscale
      const { width, height, image } = pixelsOf(png);
      expect([width, height]).toEqual([1024, 1024]);
      const found = jsQR(new Uint8ClampedArray(image.data), width, height);
      expect(found?.data).toBe(url);
    },
  );

  it("has the qrcode package's pixels, module for module and margin for margin", async () => {
    for (const [url, width] of [
      [URLS[0]!, 1024],
      [URLS[2]!, 1024],
      [URLS[1]!, 333], // a scale that is not a whole number of pixels a module
    ] as const) {
      const ours = pixelsOf(await qrPng(url, width));
      const theirs = pixelsOf(
        await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', width, margin: 4, type: 'png' }),
      );
      expect(ours.width).toBe(theirs.width);
      const differing = ours.dark.filter((d, i) => d !== theirs.dark[i]).length;
      expect(differing).toBe(0);
      // Not all white, not all black: a code was drawn.
      expect(ours.dark.filter(Boolean).length / ours.dark.length).toBeGreaterThan(0.2);
    }
  });
});
