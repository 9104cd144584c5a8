/**
 * Session cookie → actor. Resolved lazily (`await request.actor()`), so public hot paths like
 * check-in never pay for a session look-up.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access.js';
import { requireSettledPassword } from '../../services/access.js';
import { actorFromSession } from '../../services/auth.js';
import type { ServiceContext } from '../../services/context.js';

export const SESSION_COOKIE = 'sid';

/** What a session with a temporary password may call. */
const PASSWORD_CHANGE_ROUTES = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

declare module 'fastify' {
  interface FastifyRequest {
    actor(): Promise<Actor | null>;
  }
}

export function registerAuth(app: FastifyInstance, ctx: ServiceContext) {
  const cache = new WeakMap<FastifyRequest, Promise<Actor | null>>();
  app.decorateRequest('actor', function (this: FastifyRequest) {
    let pending = cache.get(this);
    if (!pending) {
      const token = this.cookies[SESSION_COOKIE];
      const route = this.routeOptions.url ?? '';
      pending = (token ? actorFromSession(ctx, token) : Promise.resolve(null)).then((actor) => {
        if (!PASSWORD_CHANGE_ROUTES.has(route)) requireSettledPassword(actor);
        return actor;
      });
      cache.set(this, pending);
    }
    return pending;
  });
}

/** The device token of an enrolled kiosk (`Authorization: Kiosk <token>`), if the request carries one. */
export function kioskTokenOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Kiosk\s+(\S{1,200})$/i.exec(header.trim());
  return match ? match[1]! : null;
}

export function setSessionCookie(reply: FastifyReply, ctx: ServiceContext, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicUrl.startsWith('https://'),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
