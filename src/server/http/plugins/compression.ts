/**
 * Long API answers compressed as the client accepts (brotli, else gzip): a province's per-venue
 * table is about 1.2 MB of JSON for 5,000 venues, ≈ 10× less compressed, which an official on a
 * mobile network feels. Compressed off the event loop (zlib's thread pool); short answers, and
 * answers that set their own encoding, go as they are.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Below this, compressing costs more than it saves. */
export const COMPRESS_FROM_BYTES = 16 * 1024;

const compressBrotli = promisify(brotliCompress);
const compressGzip = promisify(gzip);

/** The encoding to answer in for this client: brotli, else gzip, else none. */
export function preferredEncoding(req: FastifyRequest): 'br' | 'gzip' | null {
  const accepts = String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepts)) return 'br';
  if (/\bgzip\b/.test(accepts)) return 'gzip';
  return null;
}

/**
 * An answer written as text (a string or its UTF-8 bytes) of COMPRESS_FROM_BYTES or more. A string's
 * length in UTF-16 units bounds its UTF-8 length (1 to 3 bytes a unit), so most answers are decided
 * without measuring a long string's bytes (Fastify measures them again for Content-Length).
 */
function isLongText(payload: unknown): payload is string | Buffer {
  if (Buffer.isBuffer(payload)) return payload.length >= COMPRESS_FROM_BYTES;
  if (typeof payload !== 'string' || payload.length * 3 < COMPRESS_FROM_BYTES) return false;
  return payload.length >= COMPRESS_FROM_BYTES || Buffer.byteLength(payload) >= COMPRESS_FROM_BYTES;
}

export function registerCompression(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (!isLongText(payload)) return payload;
    if (reply.hasHeader('content-encoding')) return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
    reply.header('vary', 'accept-encoding');
    const encoding = preferredEncoding(req);
    if (!encoding) return payload;
    reply.header('content-encoding', encoding).removeHeader('content-length');
    return encoding === 'br'
      ? compressBrotli(payload, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
      : compressGzip(payload, { level: 5 });
  });
}
