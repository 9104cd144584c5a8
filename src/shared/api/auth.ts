/** Signing in and out; who the session is. */
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, ROLES } from '../contracts.js';
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
};
