/**
 * The typed API client: `call(endpoint, { params, query, body })` takes an endpoint of src/shared/api
 * and answers its declared response type, so a renamed field is a compile error here and on the
 * server. JSON in and out, the UI language in Accept-Language, API errors as ApiError.
 *
 * The check-in page must not bundle zod: it uses `send<typeof checkInsApi.citizen>({ method: 'POST',
 * path: '/api/check-ins' }, …)`, which the compiler checks against the contract all the same.
 */
import type { ErrorBody } from '../../shared/api/common.js';
import type { AnswerOf, BodyOf, Endpoint, ParamsOf, QueryOf } from '../../shared/api/endpoint.js';
import { currentLang } from '../i18n/lang.js';

export type ErrorDetail = ErrorBody['error']['details'][number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** An error for a form: the translated message, and per-field messages keyed by the API's paths. */
export function formErrors(err: unknown): { message: string; fields: Record<string, string> } {
  if (!(err instanceof ApiError)) return { message: errorText(err), fields: {} };
  const fields = Object.fromEntries(
    err.details.filter((d) => d.path).map((d) => [d.path!, d.message ?? err.message]),
  );
  return { message: err.message, fields };
}

/** The one way a failed call becomes text on screen. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

type Has<E, K extends string> = E extends { [P in K]: object } ? true : false;

/** What a call needs: path parameters, query and body exactly where the endpoint declares them. */
export type CallInput<E extends Endpoint> = (Has<E, 'params'> extends true
  ? { params: ParamsOf<E> }
  : { params?: never }) &
  (Has<E, 'query'> extends true ? { query?: QueryOf<E> } : { query?: never }) &
  (Has<E, 'body'> extends true ? { body: BodyOf<E> } : { body?: never }) & {
    headers?: Record<string, string>;
  };

type Args<E extends Endpoint> = object extends CallInput<E> ? [CallInput<E>?] : [CallInput<E>];

export type Route<E extends Endpoint> = Pick<E, 'method' | 'path'>;

/** The URL of an endpoint with its path parameters and query filled in (also for links to files). */
export function urlOf<E extends Endpoint>(
  route: Route<E>,
  input: { params?: Record<string, string | number>; query?: object } = {},
): string {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = input.params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} of ${route.path}`);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(input.query ?? {})) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Calls an endpoint of src/shared/api. */
export function call<E extends Endpoint>(endpoint: E, ...args: Args<E>): Promise<AnswerOf<E>> {
  return send<E>(endpoint, ...args);
}

/** Calls an endpoint named by its type only: `send<typeof x>({ method, path }, …)` (no zod in the bundle). */
export async function send<E extends Endpoint>(route: Route<E>, ...args: Args<E>): Promise<AnswerOf<E>> {
  const input = (args[0] ?? {}) as { body?: unknown; headers?: Record<string, string> };
  const headers: Record<string, string> = {
    'accept-language': currentLang(),
    accept: 'application/json',
    ...input.headers,
  };
  if (input.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(urlOf(route, input as Parameters<typeof urlOf>[1]), {
    method: route.method,
    headers,
    body: input.body === undefined ? undefined : JSON.stringify(input.body),
    credentials: 'same-origin',
  });
  if (!res.ok) throw await apiErrorOf(res);
  if (res.status === 204) return undefined as AnswerOf<E>;
  return (await res.json()) as AnswerOf<E>;
}

/** The ApiError of a failed answer (the contract's error body, or the HTTP status without one). */
export async function apiErrorOf(res: Response): Promise<ApiError> {
  const data = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
  const err = data?.error;
  return new ApiError(
    res.status,
    err?.code ?? 'http_error',
    err?.message ?? res.statusText,
    err?.details ?? [],
  );
}

/** A UUID v4 for idempotent retries; works on plain-http pages where crypto.randomUUID is missing. */
export function newClientId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
