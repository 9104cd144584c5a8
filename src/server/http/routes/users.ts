import { z } from 'zod';
import { NewUser } from '../../../shared/contracts.js';
import type { ServiceContext } from '../../services/context.js';
import { createUser } from '../../services/users.js';
import type { ZodApp } from '../types.js';

export function userRoutes(app: ZodApp, ctx: ServiceContext) {
  app.post(
    '/api/users',
    {
      schema: {
        tags: ['accounts'],
        description:
          'Admin: any account. Official: officials, tracers and venue accounts within their own area.',
        body: NewUser,
        response: { 201: z.object({ id: z.number() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(ctx, await req.actor(), req.body)),
  );
}
