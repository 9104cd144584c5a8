/**
 * Session cookie → actor. Resolved lazily (`await request.actor()`), so public hot paths like
 * check-in never pay for a session look-up.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access.js';
import { requireSettledPassword } from '../../services/access.js';
import { actorFromSession, sessionKey, type ActorAlong, type ReadWithActor } from '../../services/auth.js';
import type { ServiceContext } from '../../services/context.js';

export const SESSION_COOKIE = 'sid';

/** What a session with a temporary password may call. */
const PASSWORD_CHANGE_ROUTES = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

declare module 'fastify' {
  interface FastifyRequest {
    actor(): Promise<Actor | null>;
    /**
     * The actor resolved by the route's own read, in its statement (a hot page saves a round trip):
     * the same session rule (queries/users.ts SESSION_ACTOR) and the same checks as actor(), which
     * answers it afterwards. Without a session cookie the read is not made.
     */
    actorAlong: ActorAlong;
  }
}

export function registerAuth(app: FastifyInstance, ctx: ServiceContext) {
  const cache = new WeakMap<FastifyRequest, Promise<Actor | null>>();
  /** The checks every resolved actor passes: a temporary password opens the password routes only. */
  const settled = (req: FastifyRequest, actor: Actor | null) => {
    if (!PASSWORD_CHANGE_ROUTES.has(req.routeOptions.url ?? '')) requireSettledPassword(actor);
    return actor;
  };
  app.decorateRequest('actor', function (this: FastifyRequest) {
    let pending = cache.get(this);
    if (!pending) {
      const token = this.cookies[SESSION_COOKIE];
      pending = (token ? actorFromSession(ctx, token) : Promise.resolve(null)).then((actor) =>
        settled(this, actor),
      );
      cache.set(this, pending);
    }
    return pending;
  });
  const actorAlong = async <T>(req: FastifyRequest, read: ReadWithActor<T>) => {
    const token = req.cookies[SESSION_COOKIE];
    const answer = token ? read(sessionKey(ctx, token)) : Promise.resolve({ actor: null, value: null });
    const actor = answer.then((a) => settled(req, a.actor));
    cache.set(req, actor);
    return { actor: await actor, value: (await answer).value };
  };
  // A getter: `req.actorAlong` is bound to its request, so a route can hand it to a service.
  app.decorateRequest('actorAlong', {
    getter(this: FastifyRequest): ActorAlong {
      return (read) => actorAlong(this, read);
    },
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
