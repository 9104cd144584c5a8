/** Signing in and out; who the session is. */
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, ROLES } from '../contracts.js';
import { endpoint } from './endpoint.js';

export const Login = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export const SessionUser = z.object({
  id: z.number(),
  username: z.string(),
  role: z.enum(ROLES),
  adminUnitCode: z.string().nullable(),
  mustChangePassword: z
    .boolean()
    .describe(
      'a temporary password: every other call answers 403 password_change_required until POST /api/auth/password',
    ),
});

export const authApi = {
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    tag: 'auth',
    body: Login,
    responses: { 200: z.object({ user: SessionUser }) },
  }),
  logout: endpoint({ method: 'POST', path: '/api/auth/logout', tag: 'auth' }),
  me: endpoint({
    method: 'GET',
    path: '/api/auth/me',
    tag: 'auth',
    responses: { 200: z.object({ user: SessionUser.extend({ venueIds: z.array(z.number()) }) }) },
  }),
  setupAdmin: endpoint({
    method: 'POST',
    path: '/api/setup/admin',
    tag: 'auth',
    description:
      'Creates the first national admin with the one-time link the server prints at start when ADMIN_USERNAME/ADMIN_PASSWORD are not set and no admin exists. 403 setup_link_invalid for a wrong or expired token, 409 setup_done once an admin exists.',
    body: z.object({
      token: z.string().min(1).max(100),
      username: z.string().trim().min(3).max(100),
      password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
    }),
    responses: { 201: z.object({ id: z.number(), username: z.string() }) },
  }),
  changePassword: endpoint({
    method: 'POST',
    path: '/api/auth/password',
    tag: 'auth',
    description:
      "Changes the caller's own password (also the way out of a temporary one); the caller's other sessions end.",
    body: z.object({
      currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
      newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
    }),
  }),
};
