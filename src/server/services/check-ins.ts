/**
 * Checking in and out (F4, F7, F8). The write is one SQL round trip (db/queries/check-ins.ts);
 * retries with the same clientId return the first result and write nothing.
 */
import { createHash } from 'node:crypto';
import * as checkIns from '../db/queries/check-ins.js';
import { readVenueToday, writeTodayEntries } from '../db/queries/venue-today.js';
import type { JsonBytes } from '../domain/json-bytes.js';
import type { NewCheckIn, RecordOutcome } from '../db/queries/record-check-ins.js';
import { tracedContactColour } from '../domain/status.js';
import { rulesFor } from './status-rules.js';
import { seesVisitorPhones, type Actor } from '../domain/access.js';
import { addDays, localDate, startOfLocalDay } from '../domain/local-day.js';
import { checkoutTime } from '../domain/stay.js';
import { checkoutTokenFor, verifyCheckoutToken, verifyVenueCode } from '../domain/signed-code.js';
import { AppError } from '../errors.js';
import { uuidv7 } from '../ids.js';
import type { DeclarationAnswers, Person, ShownColour, StatusColour } from '../../shared/contracts.js';
import { shownColour } from '../../shared/contracts.js';
import { maskPhone } from '../../shared/phone.js';
import type { CitizenCheckIn } from '../../shared/api/check-ins.js';
import { checkVenueAccess, venueFor } from './access.js';
import type { ActorAlong } from './auth.js';
import type { ServiceContext } from './context.js';
import { submitDeclaration } from './declarations.js';
import { personColumns } from './people.js';

export interface CheckInResult {
  id: string;
  checkedInAt: Date;
  venue: { name: string };
  flagged: boolean;
  checkoutToken: string;
  person: { fullName: string };
  statusColour: ShownColour;
  occupancy: { inside: number; capacity: number | null };
}

export type Recorded = { result: CheckInResult; duplicate: boolean };

/** The clientId of the declaration that travels inside a check-in, derived so retries match. */
function derivedClientId(clientId: string): string {
  const h = createHash('sha256').update(`declaration:${clientId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function declareWithEntry(
  ctx: ServiceContext,
  clientId: string,
  person: Person,
  answers: DeclarationAnswers | undefined,
  channel: 'self' | 'on_behalf' | 'paper',
  extra: { recordedByUserId?: number | null; venueId?: number } = {},
) {
  if (!answers) return null;
  const { result } = await submitDeclaration(ctx, {
    clientId: derivedClientId(clientId),
    person,
    answers,
    channel,
    ...extra,
  });
  return result;
}

export async function citizenCheckIn(ctx: ServiceContext, body: CitizenCheckIn): Promise<Recorded> {
  const entrancePublicId = verifyVenueCode(body.venueCode, ctx.keys.venue_code.all);
  if (!entrancePublicId) throw new AppError('venue_not_found');
  const declaration = await declareWithEntry(
    ctx,
    body.clientId,
    body.person,
    body.declaration,
    body.channel === 'on_behalf' ? 'on_behalf' : 'self',
  );
  return record(ctx, {
    clientId: body.clientId,
    entrancePublicId,
    checkedInAt: ctx.now(),
    channel: body.channel,
    person: body.person,
    flagged: declaration?.flagged ?? false,
    statusColour: declaration?.statusColour ?? null,
    cardId: declaration?.card.id ?? null,
    declarationId: declaration?.id ?? null,
    recordedByUserId: null,
  });
}

export type RecordInput = Omit<NewCheckIn, 'id' | 'defaultStayMinutes' | 'person'> & { person: Person };

export async function record(ctx: ServiceContext, input: RecordInput): Promise<Recorded> {
  const row: NewCheckIn = {
    ...input,
    id: uuidv7(ctx.now().getTime()),
    defaultStayMinutes: ctx.config.defaultStayMinutes,
    person: personColumns(input.person, ctx.keys.sealer),
  };
  const outcome = await ctx.checkInWriter.run(row);
  if (!outcome) throw new AppError('venue_not_found');
  const occupancy = { inside: outcome.inside, capacity: outcome.capacity };
  if (outcome.inserted) {
    const statusColour = await tracedColour(ctx, row, outcome);
    const shown = { ...row, statusColour, venueName: outcome.venueName, fullName: row.person.fullName };
    return { result: present(ctx, shown, occupancy), duplicate: false };
  }
  const first = await checkIns.findCheckInByClientId(ctx.db, input.clientId);
  if (first) {
    // A retry: the first answer, with the venue's occupancy now.
    const now = await checkIns.venueOccupancy(ctx.db, first.venueId, ctx.now());
    return { result: present(ctx, first, now), duplicate: true };
  }
  if (outcome.venueStatus === 'suspended') throw new AppError('venue_suspended');
  // The clientId was claimed, but its check-in is gone (retention): treat as unknown.
  throw new AppError('check_in_not_found');
}

/**
 * The colour of a check-in whose person was found as F1 (rare: the write told when): raised to the
 * tracing rule's colour of the venue's province while its period lasts, and stored so.
 */
async function tracedColour(ctx: ServiceContext, row: NewCheckIn, outcome: RecordOutcome) {
  if (!outcome.tracedAt) return row.statusColour;
  const rules = await rulesFor(ctx.db, outcome.provinceCode);
  const colour = tracedContactColour(row.statusColour, rules, row.checkedInAt, outcome.tracedAt);
  if (colour !== row.statusColour && colour)
    await checkIns.setCheckInColour(ctx.db, row.id, row.checkedInAt, colour);
  return colour;
}

function present(
  ctx: ServiceContext,
  c: {
    id: string;
    checkedInAt: Date;
    venueName: string;
    flagged: boolean;
    fullName: string;
    statusColour: StatusColour | null;
  },
  occupancy: CheckInResult['occupancy'],
): CheckInResult {
  return {
    id: c.id,
    checkedInAt: c.checkedInAt,
    venue: { name: c.venueName },
    flagged: c.flagged,
    checkoutToken: checkoutTokenFor(c.id, ctx.keys.checkout_token.current),
    person: { fullName: c.fullName },
    statusColour: shownColour(c.statusColour),
    occupancy,
  };
}

/** The holder of the checkout token, or staff of the venue, ends a stay. Repeating it is harmless. */
export async function checkOut(
  ctx: ServiceContext,
  actor: Actor | null,
  id: string,
  token: string | undefined,
) {
  const checkIn = await checkIns.findCheckIn(ctx.db, id);
  if (!checkIn) throw new AppError('check_in_not_found');
  let reason: 'self' | 'staff';
  if (token) {
    if (!ctx.keys.checkout_token.all.some((key) => verifyCheckoutToken(id, token, key)))
      throw new AppError('invalid_checkout_token');
    reason = 'self';
  } else {
    if (!actor) throw new AppError('invalid_checkout_token');
    // Someone who may not record at that venue learns nothing about the check-in; a database that
    // does not answer stays a 503.
    await venueFor(ctx.db, actor, checkIn.venueId, 'record_check_ins').catch((err: unknown) => {
      throw err instanceof AppError ? new AppError('check_in_not_found') : err;
    });
    reason = 'staff';
  }
  const at = checkoutTime(checkIn, ctx.now());
  if (!checkIn.checkedOutAt) await checkIns.setCheckedOut(ctx.db, id, checkIn.checkedInAt, at, reason);
  return { checkedOutAt: at };
}

/**
 * Today's check-ins at a venue (local day), counts per channel and the number inside now. The entries
 * are written as JSON by `writeItems` (from the columns read; phones masked for those who may not see them).
 */
export async function venueToday(ctx: ServiceContext, actorAlong: ActorAlong, venueId: number, limit = 200) {
  const now = ctx.now();
  const tz = ctx.config.timeZone;
  const day = localDate(now, tz);
  const range = { from: startOfLocalDay(day, tz), to: startOfLocalDay(addDays(day, 1), tz) };
  // One read of the caller, the venue and its day; nothing of it is returned unless the caller may
  // read the venue.
  const { actor, value: read } = await actorAlong((session) =>
    ctx.db.readsWithGenericPlans((q) => readVenueToday(q, venueId, range, now, limit, session)),
  );
  const venue = checkVenueAccess(actor, read, 'read');
  const wholePhones = seesVisitorPhones(actor!);
  const total = Object.values(read!.byChannel).reduce((sum, n) => sum + n, 0);
  return {
    date: day,
    capacity: venue.capacity,
    inside: read!.inside,
    total,
    byChannel: read!.byChannel,
    entryCount: Math.min(read!.names?.length ?? 0, limit),
    writeItems: (out: JsonBytes) =>
      writeTodayEntries(out, read!, wholePhones ? (phone) => phone : maskPhone, limit),
  };
}
