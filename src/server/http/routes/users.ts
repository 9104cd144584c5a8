import { usersApi } from '../../../shared/api/users.js';
import type { ServiceContext } from '../../services/context.js';
import { createUser } from '../../services/users.js';
import { routeOf, type ZodApp } from '../types.js';

export function userRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(usersApi.create),
    handler: async (req, reply) => reply.status(201).send(await createUser(ctx, await req.actor(), req.body)),
  });
}
