import { z } from 'zod';
import { Login, ROLES } from '../../../shared/contracts.js';
import { AppError } from '../../errors.js';
import { requireActor } from '../../services/access.js';
import * as auth from '../../services/auth.js';
import type { ServiceContext } from '../../services/context.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../plugins/auth.js';
import { publicRoute, type ZodApp } from '../types.js';

const User = z.object({
  id: z.number(),
  username: z.string(),
  role: z.enum(ROLES),
  adminUnitCode: z.string().nullable(),
});

export function authRoutes(app: ZodApp, ctx: ServiceContext) {
  app.post(
    '/api/auth/login',
    {
      config: publicRoute(ctx.config.rateLimits.loginPerMinute),
      schema: { tags: ['auth'], body: Login, response: { 200: z.object({ user: User }) } },
    },
    async (req, reply) => {
      const session = await auth.login(ctx, req.body.username, req.body.password, req.ip);
      setSessionCookie(reply, ctx, session.token, session.expiresAt);
      return { user: session.user };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (req, reply) => {
    requireActor(await req.actor());
    await auth.logout(ctx, req.cookies[SESSION_COOKIE]!);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        response: { 200: z.object({ user: User.extend({ venueIds: z.array(z.number()) }) }) },
      },
    },
    async (req) => {
      const actor = requireActor(await req.actor());
      if (actor.role === 'kiosk') throw new AppError('forbidden');
      return {
        user: {
          id: actor.userId,
          username: actor.username,
          role: actor.role,
          adminUnitCode: actor.adminUnitCode,
          venueIds: [...actor.venueIds],
        },
      };
    },
  );
}
