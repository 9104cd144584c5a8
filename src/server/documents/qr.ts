/** QR images of venue URLs: PNG and SVG downloads, and the module matrix the PDF draws as vectors. */
import QRCode from 'qrcode';

/** Medium error correction survives a crease or a smudge on a printed poster. */
const LEVEL = 'M' as const;

export function qrPng(text: string, widthPx = 1024): Promise<Buffer> {
  return QRCode.toBuffer(text, { errorCorrectionLevel: LEVEL, width: widthPx, margin: 4, type: 'png' });
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { errorCorrectionLevel: LEVEL, margin: 4, type: 'svg' });
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
