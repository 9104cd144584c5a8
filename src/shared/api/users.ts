/** Accounts created by admins and officials. */
import { z } from 'zod';
import {
  AdminUnitCode,
  decimalInt,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  ROLES,
  rule,
} from '../contracts.js';
import { IdParam, Instant, itemsOf } from './common.js';
import { endpoint } from './endpoint.js';

export const NewUser = z.object({
  username: z.string().trim().min(3).max(100),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
  role: z.enum(ROLES),
  adminUnitCode: AdminUnitCode.optional(),
  venueIds: z.array(z.number().int().positive()).max(1000).optional(),
});
export type NewUser = z.infer<typeof NewUser>;

export const Account = z.object({
  id: z.number(),
  username: z.string(),
  role: z.enum(ROLES),
  adminUnitCode: z.string().nullable(),
  adminUnitName: z.string().nullable(),
  venueIds: z.array(z.number()),
  venueNames: z.array(z.string()),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: Instant.nullable(),
});
export type Account = z.infer<typeof Account>;

export const AccountChange = z
  .object({
    active: z.boolean().optional(),
    adminUnitCode: AdminUnitCode.optional(),
    venueIds: z.array(z.number().int().positive()).min(1).max(1000).optional(),
  })
  .refine((c) => Object.keys(c).length > 0, rule('nothing_to_change'));

const WHO_MAY_LIST =
  'Admin: every other account. Official: the officials and tracers of their area and the accounts of its venues. Venue manager: the staff of their venues.';

export const usersApi = {
  create: endpoint({
    method: 'POST',
    path: '/api/users',
    tag: 'accounts',
    description:
      'Admin: any account. Official: officials, tracers and venue accounts within their own area. Venue manager: `venue_staff` of their own venues.',
    body: NewUser,
    responses: { 201: z.object({ id: z.number() }) },
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/users',
    tag: 'accounts',
    description: `The accounts the caller may manage, newest first, at most 200. ${WHO_MAY_LIST}`,
    query: z.object({
      q: z.string().trim().max(100).optional(),
      role: z.enum(ROLES).optional(),
      adminUnit: AdminUnitCode.optional(),
      venueId: decimalInt(1, Number.MAX_SAFE_INTEGER).optional(),
    }),
    responses: { 200: itemsOf(Account) },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/users/:id',
    tag: 'accounts',
    description:
      "Deactivates (every session ends at once; login answers 401 invalid_credentials) or reactivates an account, moves an official or tracer to another unit of the caller's area, or sets a venue account's venues.",
    params: IdParam,
    body: AccountChange,
    responses: { 200: Account },
  }),
  resetPassword: endpoint({
    method: 'POST',
    path: '/api/users/:id/password-reset',
    tag: 'accounts',
    description:
      "A new temporary password, shown once: the account's sessions end, and its owner must choose a new password at the next login.",
    params: IdParam,
    responses: { 200: z.object({ temporaryPassword: z.string() }) },
  }),
};
