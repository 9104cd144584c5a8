/**
 * Checking in and out (F4). The write path is one SQL round trip (see db/queries/check-ins.ts);
 * retries with the same clientId return the first result and write nothing.
 */
import * as checkIns from '../db/queries/check-ins.js';
import type { Actor } from '../domain/access.js';
import { addDays, localDate, startOfLocalDay } from '../domain/local-day.js';
import { checkoutTime, personNameKey } from '../domain/stay.js';
import { checkoutTokenFor, verifyCheckoutToken, verifyVenueCode } from '../domain/venue-code.js';
import { AppError } from '../errors.js';
import { uuidv7 } from '../ids.js';
import type { CitizenCheckIn, Person } from '../../shared/contracts.js';
import { venueFor } from './access.js';
import type { ServiceContext } from './context.js';
import { ensureDayPartition, isMissingPartition } from './partitions.js';

export interface CheckInResult {
  id: string;
  checkedInAt: Date;
  venue: { name: string };
  flagged: boolean;
  checkoutToken: string;
}

function personColumns(person: Person): checkIns.NewCheckIn['person'] {
  return {
    phone: person.phone,
    fullName: person.fullName,
    nameKey: personNameKey(person.fullName),
    idNumber: person.idNumber ?? null,
    birthYear: person.birthYear ?? null,
    sex: person.sex ?? null,
    nationality: person.nationality ?? null,
    adminUnitCode: person.adminUnitCode ?? null,
    address: person.address ?? null,
  };
}

export async function citizenCheckIn(
  ctx: ServiceContext,
  body: CitizenCheckIn,
): Promise<{ result: CheckInResult; duplicate: boolean }> {
  const entrancePublicId = verifyVenueCode(body.venueCode, ctx.keys.all);
  if (!entrancePublicId) throw new AppError('venue_not_found');
  const now = ctx.now();
  const row: checkIns.NewCheckIn = {
    id: uuidv7(now.getTime()),
    clientId: body.clientId,
    entrancePublicId,
    checkedInAt: now,
    defaultStayMinutes: ctx.config.defaultStayMinutes,
    channel: body.channel,
    person: personColumns(body.person),
    flagged: false,
    recordedByUserId: null,
  };
  const outcome = await recordWithPartition(ctx, row);
  if (!outcome) throw new AppError('venue_not_found');
  if (outcome.inserted) {
    return { result: present(ctx, row.id, row.checkedInAt, outcome.venueName, row.flagged), duplicate: false };
  }
  const first = await checkIns.findCheckInByClientId(ctx.db, body.clientId);
  if (first) return { result: present(ctx, first.id, first.checkedInAt, first.venueName, first.flagged), duplicate: true };
  if (outcome.venueStatus === 'suspended') throw new AppError('venue_suspended');
  // The clientId was claimed, but its check-in is gone (retention): treat as unknown.
  throw new AppError('check_in_not_found');
}

async function recordWithPartition(ctx: ServiceContext, row: checkIns.NewCheckIn) {
  try {
    return await checkIns.recordCheckIn(ctx.db, row);
  } catch (err) {
    if (!isMissingPartition(err)) throw err;
    await ensureDayPartition(ctx.db, localDate(row.checkedInAt, ctx.config.timeZone), ctx.config.timeZone);
    return checkIns.recordCheckIn(ctx.db, row);
  }
}

function present(ctx: ServiceContext, id: string, checkedInAt: Date, venueName: string, flagged: boolean): CheckInResult {
  return { id, checkedInAt, venue: { name: venueName }, flagged, checkoutToken: checkoutTokenFor(id, ctx.keys.current) };
}

/** The holder of the checkout token, or staff of the venue, ends a stay. Repeating it is harmless. */
export async function checkOut(ctx: ServiceContext, actor: Actor | null, id: string, token: string | undefined) {
  const checkIn = await checkIns.findCheckIn(ctx.db, id);
  if (!checkIn) throw new AppError('check_in_not_found');
  let reason: 'self' | 'staff';
  if (token) {
    if (!ctx.keys.all.some((key) => verifyCheckoutToken(id, token, key))) throw new AppError('invalid_checkout_token');
    reason = 'self';
  } else {
    if (!actor) throw new AppError('invalid_checkout_token');
    await venueFor(ctx.db, actor, checkIn.venueId, 'record_check_ins').catch(() => {
      throw new AppError('check_in_not_found');
    });
    reason = 'staff';
  }
  const at = checkoutTime(checkIn, ctx.now());
  if (!checkIn.checkedOutAt) await checkIns.setCheckedOut(ctx.db, id, checkIn.checkedInAt, at, reason);
  return { checkedOutAt: at };
}

/** Today's check-ins at a venue (local day), counts per channel and the number inside now. */
export async function venueToday(ctx: ServiceContext, actor: Actor | null, venueId: number, limit = 200) {
  const venue = await venueFor(ctx.db, actor, venueId, 'read');
  const now = ctx.now();
  const tz = ctx.config.timeZone;
  const day = localDate(now, tz);
  const from = startOfLocalDay(day, tz);
  const to = startOfLocalDay(addDays(day, 1), tz);
  const [counts, items] = await Promise.all([
    checkIns.venueDayCounts(ctx.db, venueId, from, to, now),
    checkIns.listVenueCheckIns(ctx.db, venueId, from, to, limit),
  ]);
  return {
    date: day,
    capacity: venue.capacity,
    inside: counts.inside,
    total: counts.total,
    byChannel: counts.byChannel,
    items: items.map((c) => ({
      id: c.id,
      fullName: c.fullName,
      phone: c.phone,
      channel: c.channel,
      checkedInAt: c.checkedInAt,
      checkedOutAt: c.checkedOutAt,
      flagged: c.flagged,
    })),
  };
}
