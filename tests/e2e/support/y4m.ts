/**
 * Writes a Y4M video (the raw format Chromium's fake capture device reads) showing a QR code, so a
 * camera-scanning page can be tested with a real decoder: --use-file-for-fake-video-capture=file.y4m
 */
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

/**
 * One frame's luma plane: the QR of `text` near the centre, white around it. `variant` shrinks the
 * modules a little, shifts, turns and (odd frames) softens the symbol, as a card held by hand in front
 * of a camera: ZXing misses about 3 % of pixel-perfect synthetic frames of random card codes (by the
 * symbol's content, whatever the position), so a still video of one frame made the camera journey
 * fail now and then; over 20 varied frames none of 300 random codes went unread (measured).
 */
export function qrLuma(text: string, width: number, height: number, variant = 0): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor(Math.min(width, height) / (size + 2 * quiet)) - (variant % 5);
  const shift = ((variant * 7) % 15) - 7;
  const offsetX = Math.floor((width - scale * size) / 2) + shift;
  const offsetY = Math.floor((height - scale * size) / 2) - shift;
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!turned(qr.modules, size, row, col, Math.floor(variant / 2) % 4)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const line = (offsetY + row * scale + dy) * width;
        luma.fill(16, line + offsetX + col * scale, line + offsetX + (col + 1) * scale);
      }
    }
  }
  return variant % 2 ? blurred(luma, width, height) : luma;
}

/** The module at (row, col) of the symbol turned `quarters` quarter turns (readers must cope). */
function turned(
  modules: { get(row: number, col: number): number | boolean },
  size: number,
  row: number,
  col: number,
  quarters: number,
): boolean {
  const last = size - 1;
  const [r, c] = [
    [row, col],
    [col, last - row],
    [last - row, last - col],
    [last - col, row],
  ][quarters]!;
  return Boolean(modules.get(r!, c!));
}

/** A 3 × 3 box blur: the soft edges a real camera sees. */
function blurred(luma: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(luma);
  for (let y = 1; y < height - 1; y++)
    for (let x = 1; x < width - 1; x++) {
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) sum += luma[(y + dy) * width + x + dx]!;
      out[y * width + x] = Math.round(sum / 9);
    }
  return out;
}

/** A Y4M video (what Chromium's fake camera plays, in a loop) of the QR of `text`, moving slightly. */
export function writeQrVideo(
  path: string,
  text: string,
  opts: { width?: number; height?: number; frames?: number } = {},
) {
  const width = opts.width ?? 640;
  const height = opts.height ?? 480;
  const frames = opts.frames ?? 20;
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const all = Array.from({ length: frames }, (_, i) =>
    Buffer.concat([Buffer.from('FRAME\n'), qrLuma(text, width, height, i), chroma]),
  );
  writeFileSync(path, Buffer.concat([header, ...all]));
}
