/**
 * What every request passes before its route's schema sees it (API v1.1):
 * - who may call the route (`config.access`): API routes need a logged-in user unless they say
 *   `public`; `scanner` routes take a user session or a kiosk token, checked with the scan itself
 *   (one batched read); `session_in_read` routes need a session cookie here and resolve the session
 *   in their own read (`req.actorAlong`: the door's list, polled every 5 s, saves a round trip); their
 *   input found wrong is answered only once the session is known live (else 401), as on other routes.
 *   An anonymous caller gets 401 before its body or query is validated; a kiosk token opens nothing
 *   but its scanner route (403 elsewhere);
 * - state-changing requests from a page of another origin are refused (`Origin`/`Sec-Fetch-Site`),
 *   so a session cookie cannot be used by someone else's page, even for bodiless requests;
 * - no text field accepts a NUL character (400 with the field's path);
 * - API answers are `Cache-Control: no-store` unless the route says otherwise.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../services/context.js';
import { kioskTokenOf, SESSION_COOKIE } from './auth.js';

export type RouteAccess = 'public' | 'session' | 'session_in_read' | 'scanner';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; API routes default to `session` (see the module comment). */
    access?: RouteAccess;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Generated documentation: public, not part of the API's access rules. */
const DOCS = /^\/api\/(docs|openapi\.json)(\/|$)/;

function accessOf(req: FastifyRequest): RouteAccess {
  const declared = req.routeOptions.config.access;
  if (declared) return declared;
  const url = req.routeOptions.url;
  return url && url.startsWith('/api/') && !DOCS.test(url) ? 'session' : 'public';
}

function checkOrigin(req: FastifyRequest, publicOrigin: string) {
  if (!STATE_CHANGING.has(req.method)) return;
  if (req.headers['sec-fetch-site'] === 'cross-site') throw new AppError('forbidden_origin');
  const origin = req.headers.origin;
  if (!origin) return; // not sent by a browser page (scanners, kiosks, curl): no cookie to abuse
  const own = `${req.protocol}://${req.host}`;
  if (origin !== publicOrigin && origin !== own) throw new AppError('forbidden_origin');
}

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes('\u0000') ? key : findNul(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * A `session_in_read` route's input was found wrong before its read ran: the session is looked up now,
 * so that a caller with no live session gets 401 first, as on every route that needs a login.
 */
async function refuseEndedSession(req: FastifyRequest) {
  if (accessOf(req) === 'session_in_read' && !(await req.actor())) throw new AppError('not_logged_in');
}

export function registerGuard(app: FastifyInstance, ctx: ServiceContext) {
  const publicOrigin = new URL(ctx.config.publicUrl).origin;

  // Their validation errors wait for refuseEndedSession (preHandler below) instead of answering at once.
  app.addHook('onRoute', (route) => {
    if (route.config?.access === 'session_in_read') route.attachValidation = true;
  });

  app.addHook('onRequest', async (req) => {
    checkOrigin(req, publicOrigin);
    const access = accessOf(req);
    const kiosk = kioskTokenOf(req) !== null;
    if (access === 'scanner') {
      if (!kiosk && !req.cookies[SESSION_COOKIE]) throw new AppError('not_logged_in');
      return;
    }
    if (kiosk && req.url.startsWith('/api/')) throw new AppError('forbidden');
    if (access === 'session_in_read' && !req.cookies[SESSION_COOKIE]) throw new AppError('not_logged_in');
    if (access === 'session' && !(await req.actor())) throw new AppError('not_logged_in');
  });

  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [
      ['params', req.params],
      ['query', req.query],
      ['body', req.body],
    ] as const) {
      const path = findNul(value, '');
      if (path === null) continue;
      await refuseEndedSession(req);
      if (part === 'params') throw new AppError('not_found');
      throw new AppError('validation_failed', [
        { path: path || undefined, code: 'nul_character', message: 'NUL characters are not allowed' },
      ]);
    }
  });

  app.addHook('preHandler', async (req) => {
    if (!req.validationError) return;
    await refuseEndedSession(req);
    throw req.validationError;
  });

  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
}
