import { usersApi } from '../../../shared/api/users.js';
import { listAccounts, resetPassword, updateAccount } from '../../services/accounts.js';
import type { ServiceContext } from '../../services/context.js';
import { createUser } from '../../services/users.js';
import { isoOrNull, routeOf, type ZodApp } from '../types.js';

export function userRoutes(app: ZodApp, ctx: ServiceContext) {
  app.route({
    ...routeOf(usersApi.create),
    handler: async (req, reply) => reply.status(201).send(await createUser(ctx, await req.actor(), req.body)),
  });

  app.route({
    ...routeOf(usersApi.list),
    handler: async (req) => {
      const { q, role, adminUnit, venueId } = req.query;
      const items = await listAccounts(ctx, await req.actor(), { q, role, unitCode: adminUnit, venueId });
      return { items: items.map(accountAnswer) };
    },
  });

  app.route({
    ...routeOf(usersApi.update),
    handler: async (req) =>
      accountAnswer(await updateAccount(ctx, await req.actor(), req.params.id, req.body)),
  });

  app.route({
    ...routeOf(usersApi.resetPassword),
    handler: async (req) => resetPassword(ctx, await req.actor(), req.params.id),
  });
}

function accountAnswer(a: Awaited<ReturnType<typeof updateAccount>>) {
  return {
    id: a.id,
    username: a.username,
    role: a.role,
    adminUnitCode: a.adminUnitCode,
    adminUnitName: a.adminUnitName,
    venueIds: a.venueIds,
    venueNames: a.venueNames,
    active: a.active,
    mustChangePassword: a.mustChangePassword,
    lastLoginAt: isoOrNull(a.lastLoginAt),
  };
}
