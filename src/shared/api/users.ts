/** Accounts created by admins and officials. */
import { z } from 'zod';
import { AdminUnitCode, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, ROLES } from '../contracts.js';
import { endpoint } from './endpoint.js';

export const NewUser = z.object({
  username: z.string().trim().min(3).max(100),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
  role: z.enum(ROLES),
  adminUnitCode: AdminUnitCode.optional(),
  venueIds: z.array(z.number().int().positive()).max(1000).optional(),
});
export type NewUser = z.infer<typeof NewUser>;

export const usersApi = {
  create: endpoint({
    method: 'POST',
    path: '/api/users',
    tag: 'accounts',
    description: 'Admin: any account. Official: officials, tracers and venue accounts within their own area.',
    body: NewUser,
    responses: { 201: z.object({ id: z.number() }) },
  }),
};
