import { authApi } from '../../../shared/api/auth.js';
import { AppError } from '../../errors.js';
import { requireActor } from '../../services/access.js';
import { changeOwnPassword } from '../../services/accounts.js';
import * as auth from '../../services/auth.js';
import { createFirstAdmin } from '../../services/first-admin.js';
import type { ServiceContext } from '../../services/context.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../plugins/auth.js';
import { publicRoute, routeOf, type ZodApp } from '../types.js';

export function authRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(authApi.login),
    config: publicRoute(ctx.config.rateLimits.loginPerMinute),
    handler: async (req, reply) => {
      const session = await auth.login(ctx, req.body.username, req.body.password, req.ip);
      setSessionCookie(reply, ctx, session.token, session.expiresAt);
      return { user: session.user };
    },
  });

  app.route({
    ...routeOf(authApi.logout),
    handler: async (req, reply) => {
      requireActor(await req.actor());
      await auth.logout(ctx, req.cookies[SESSION_COOKIE]!);
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  });

  app.route({
    ...routeOf(authApi.me),
    handler: async (req) => {
      const actor = requireActor(await req.actor());
      if (actor.role === 'kiosk') throw new AppError('forbidden');
      return {
        user: {
          id: actor.userId,
          username: actor.username,
          role: actor.role,
          adminUnitCode: actor.adminUnitCode,
          mustChangePassword: actor.mustChangePassword ?? false,
          venueIds: [...actor.venueIds],
        },
      };
    },
  });

  app.route({
    ...routeOf(authApi.changePassword),
    handler: async (req, reply) => {
      await changeOwnPassword(ctx, await req.actor(), req.cookies[SESSION_COOKIE] ?? '', req.body);
      return reply.status(204).send();
    },
  });

  app.route({
    ...routeOf(authApi.setupAdmin),
    config: publicRoute(ctx.config.rateLimits.loginPerMinute),
    handler: async (req, reply) => reply.status(201).send(await createFirstAdmin(ctx, req.body)),
  });
}
