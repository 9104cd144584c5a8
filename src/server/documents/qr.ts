/** QR images of venue URLs: PNG and SVG downloads, and the module matrix the PDF draws as vectors. */
import { crc32, deflateSync } from 'node:zlib';
import QRCode from 'qrcode';

/** Medium error correction survives a crease or a smudge on a printed poster. */
const LEVEL = 'M' as const;
/** The quiet zone around the code, in modules (the standard's minimum). */
const MARGIN = 4;

/**
 * The QR as a `widthPx` square PNG of one bit a pixel (black and white, what a printer needs), pixels
 * mapped to modules as the qrcode package draws them. Its own PNG writer (qrcode's paints a 4-byte
 * colour for each of the 1024² pixels and deflates 4 MB) took ≈ 130 ms of the event loop for each
 * download, a pause for every check-in the node was serving; this one ≈ 3 ms (a 1.2 KB file, not 7.5 KB).
 */
export function qrPng(text: string, widthPx = 1024): Promise<Buffer> {
  const matrix = qrMatrix(text);
  const scale = widthPx / (matrix.size + 2 * MARGIN);
  const quiet = MARGIN * scale;
  // The module under each pixel column and row; -1 in the quiet zone.
  const moduleAt = Int16Array.from({ length: widthPx }, (_, p) =>
    p >= quiet && p < widthPx - quiet ? Math.floor((p - quiet) / scale) : -1,
  );
  const rowBytes = 1 + Math.ceil(widthPx / 8); // a filter byte (0: none), then 8 pixels a byte
  const pixels = Buffer.alloc(rowBytes * widthPx, 0xff); // grey level 1 is white
  for (let y = 0; y < widthPx; y++) {
    const row = y * rowBytes;
    pixels[row] = 0;
    const moduleRow = moduleAt[y]!;
    if (moduleRow < 0) continue;
    // Rows of pixels over the same row of modules are the same bytes.
    if (y > 0 && moduleAt[y - 1] === moduleRow) {
      pixels.copy(pixels, row, row - rowBytes, row);
      continue;
    }
    for (let x = 0; x < widthPx; x++) {
      const moduleCol = moduleAt[x]!;
      if (moduleCol >= 0 && matrix.isDark(moduleRow, moduleCol))
        pixels[row + 1 + (x >> 3)]! &= ~(0x80 >> (x & 7));
    }
  }
  return Promise.resolve(
    Buffer.concat([
      PNG_SIGNATURE,
      pngChunk('IHDR', ihdr(widthPx)),
      pngChunk('IDAT', deflateSync(pixels)),
      pngChunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height, 1 bit a pixel, greyscale, deflate, no filter or interlace. */
function ihdr(side: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8);
  return header;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { errorCorrectionLevel: LEVEL, margin: MARGIN, type: 'svg' });
}

export interface QrMatrix {
  size: number;
  isDark(row: number, col: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const qr = QRCode.create(text, { errorCorrectionLevel: LEVEL });
  const size = qr.modules.size;
  return { size, isDark: (row, col) => Boolean(qr.modules.get(row, col)) };
}
