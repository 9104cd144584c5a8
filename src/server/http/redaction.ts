/**
 * Request logs without secrets: query parameters that carry tokens or passwords (card holder tokens
 * travel as `?token=` on the printable card link) are logged as `[redacted]`, and so is the code of a
 * personal card opened as a link (`/card/{code}`: it names a person). Headers are not logged.
 */
import type { FastifyRequest } from 'fastify';

const SECRET_PARAMS = /^(token|holderToken|checkoutToken|deviceToken|password|key)$/i;

/** Paths whose last segment identifies a person. */
const PERSONAL_PATH = /^(\/card\/)[^/?]+/;

export function redactUrl(rawUrl: string): string {
  const url = rawUrl.replace(PERSONAL_PATH, '$1[redacted]');
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=')[0] ?? '';
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        /* keep the raw name */
      }
      return SECRET_PARAMS.test(decoded) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

export function redactedRequest(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    requestId: req.id,
  };
}
