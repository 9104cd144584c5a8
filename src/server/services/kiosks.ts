/**
 * Unattended kiosks ("thiết bị tự động", F7, API v1.1): a venue manager enrols a device and gets its
 * token once; the device sends `Authorization: Kiosk <token>` and may only record check-ins at its
 * venue. Revoking it stops the token at once (the scan reads the kiosk with every check-in).
 */
import { randomBytes } from 'node:crypto';
import * as kiosks from '../db/queries/kiosks.js';
import type { Actor } from '../domain/access.js';
import { AppError } from '../errors.js';
import { venueFor } from './access.js';
import { tokenHash } from './auth.js';
import type { ServiceContext } from './context.js';

/** Prefix that tells a kiosk token from other secrets in logs and support calls. */
const TOKEN_PREFIX = 'kio_';

export async function enrolKiosk(ctx: ServiceContext, actor: Actor | null, venueId: number, name: string) {
  const venue = await venueFor(ctx.db, actor, venueId, 'own');
  const deviceToken = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const id = await kiosks.insertKiosk(ctx.db, {
    venueId: venue.id,
    name,
    tokenHash: tokenHash(deviceToken),
    createdByUserId: actor!.userId,
    createdAt: ctx.now(),
  });
  return { id, name, deviceToken };
}

export async function listVenueKiosks(ctx: ServiceContext, actor: Actor | null, venueId: number) {
  await venueFor(ctx.db, actor, venueId, 'manage');
  return kiosks.listKiosks(ctx.db, venueId);
}

export async function revokeVenueKiosk(
  ctx: ServiceContext,
  actor: Actor | null,
  venueId: number,
  kioskId: number,
) {
  await venueFor(ctx.db, actor, venueId, 'manage');
  if (!(await kiosks.revokeKiosk(ctx.db, venueId, kioskId, ctx.now()))) throw new AppError('kiosk_not_found');
}
