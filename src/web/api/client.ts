/** Fetch wrapper: JSON in and out, the UI language in Accept-Language, API errors as ApiError. */
import { currentLang } from '../i18n/index.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path?: string; code: string; message?: string }[] = [],
  ) {
    super(message);
  }
}

/** An error for a form: the translated message, and per-field messages keyed by the API's paths. */
export function formErrors(err: unknown): { message: string; fields: Record<string, string> } {
  if (!(err instanceof ApiError)) return { message: String(err), fields: {} };
  const fields = Object.fromEntries(
    err.details.filter((d) => d.path).map((d) => [d.path!, d.message ?? err.message]),
  );
  return { message: err.message, fields };
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    'accept-language': currentLang(),
    accept: 'application/json',
    ...extraHeaders,
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = data?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'http_error',
      err?.message ?? res.statusText,
      err?.details ?? [],
    );
  }
  return data as T;
}

/** A UUID v4 for idempotent retries; works on plain-http pages where crypto.randomUUID is missing. */
export function newClientId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
