/**
 * Checking in and out (F4, F7, F8). The write is one SQL round trip (db/queries/check-ins.ts);
 * retries with the same clientId return the first result and write nothing.
 */
import { createHash } from 'node:crypto';
import * as checkIns from '../db/queries/check-ins.js';
import { latestDeclarationOf } from '../db/queries/declarations.js';
import type { Actor } from '../domain/access.js';
import { addDays, localDate, startOfLocalDay } from '../domain/local-day.js';
import { currentColour } from '../domain/status.js';
import { checkoutTime } from '../domain/stay.js';
import { checkoutTokenFor, verifyCheckoutToken, verifyVenueCode } from '../domain/signed-code.js';
import { AppError } from '../errors.js';
import { uuidv7 } from '../ids.js';
import type { CitizenCheckIn, DeclarationAnswers, Person, StaffCheckIn, StatusColour } from '../../shared/contracts.js';
import { venueFor } from './access.js';
import { cardFromQr } from './cards.js';
import type { ServiceContext } from './context.js';
import { submitDeclaration } from './declarations.js';
import { ensureDayPartition, isMissingPartition } from './partitions.js';
import { personColumns } from './people.js';
import { rulesFor } from './status-rules.js';

/** Clock difference tolerated between a scanner device and the server for `at`. */
const CLOCK_SKEW_MS = 2 * 60_000;

export interface CheckInResult {
  id: string;
  checkedInAt: Date;
  venue: { name: string };
  flagged: boolean;
  checkoutToken: string;
  person: { fullName: string };
  statusColour: StatusColour | null;
}

type Recorded = { result: CheckInResult; duplicate: boolean };

/** The clientId of the declaration that travels inside a check-in, derived so retries match. */
function derivedClientId(clientId: string): string {
  const h = createHash('sha256').update(`declaration:${clientId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

async function declareWithEntry(
  ctx: ServiceContext,
  clientId: string,
  person: Person,
  answers: DeclarationAnswers | undefined,
  channel: 'self' | 'on_behalf' | 'paper',
  extra: { recordedByUserId?: number; venueId?: number } = {},
) {
  if (!answers) return null;
  const { result } = await submitDeclaration(ctx, { clientId: derivedClientId(clientId), person, answers, channel, ...extra });
  return result;
}

export async function citizenCheckIn(ctx: ServiceContext, body: CitizenCheckIn): Promise<Recorded> {
  const entrancePublicId = verifyVenueCode(body.venueCode, ctx.keys.all);
  if (!entrancePublicId) throw new AppError('venue_not_found');
  const declaration = await declareWithEntry(ctx, body.clientId, body.person, body.declaration, body.channel === 'on_behalf' ? 'on_behalf' : 'self');
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

/** Entry time of a staff-recorded check-in: now, or the given past time (paper, offline queue). */
function entryTime(ctx: ServiceContext, at: string | undefined): Date {
  const now = ctx.now();
  if (!at) return now;
  const when = new Date(at);
  if (when.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new AppError('at_in_future', [{ path: 'at', code: 'future' }]);
  if (when.getTime() < now.getTime() - ctx.config.retentionDays * 86_400_000) throw new AppError('at_too_old', [{ path: 'at', code: 'too_old' }]);
  return when > now ? now : when;
}

/** Staff or a kiosk record an entry at their venue: by card, by typed-in person, or from a paper form. */
export async function staffCheckIn(ctx: ServiceContext, caller: Actor | null, venueId: number, body: StaffCheckIn): Promise<Recorded> {
  const venue = await venueFor(ctx.db, caller, venueId, 'record_check_ins');
  const checkedInAt = entryTime(ctx, body.at);
  let person: Person;
  let cardId: string | null = null;
  let latest: { id: string; declaredAt: Date; flagged: boolean; statusColour: StatusColour } | null = null;
  if (body.cardQr && body.channel !== 'paper') {
    const card = await cardFromQr(ctx, body.cardQr);
    person = { fullName: card.fullName, phone: card.phone, birthYear: card.birthYear ?? undefined };
    cardId = card.id;
    latest = card.declarationId ? { id: card.declarationId, declaredAt: card.declaredAt!, flagged: card.flagged!, statusColour: card.statusColour! } : null;
  } else if (body.person) {
    person = body.person;
    const declared = await declareWithEntry(ctx, body.clientId, person, body.declaration, 'paper', { recordedByUserId: caller!.userId, venueId });
    latest = declared
      ? { id: declared.id, declaredAt: declared.declaredAt, flagged: declared.flagged, statusColour: declared.statusColour }
      : await latestDeclarationOf(ctx.db, person.phone, personColumns(person).nameKey);
    cardId = declared?.card.id ?? null;
  } else {
    throw new AppError('person_required', [{ path: 'person', code: 'required' }]);
  }
  const rules = await rulesFor(ctx.db, venue.adminUnitPath[0] ?? null);
  const fresh = latest && checkedInAt.getTime() - latest.declaredAt.getTime() <= rules.declarationValidDays * 86_400_000;
  return record(ctx, {
    clientId: body.clientId,
    entrancePublicId: venue.mainEntrancePublicId,
    checkedInAt,
    channel: body.channel,
    person,
    flagged: fresh ? latest!.flagged : false,
    statusColour: currentColour(latest, rules, checkedInAt),
    cardId,
    declarationId: latest?.id ?? null,
    recordedByUserId: caller!.userId,
  });
}

type RecordInput = Omit<checkIns.NewCheckIn, 'id' | 'defaultStayMinutes' | 'person'> & { person: Person };

async function record(ctx: ServiceContext, input: RecordInput): Promise<Recorded> {
  const row: checkIns.NewCheckIn = {
    ...input,
    id: uuidv7(ctx.now().getTime()),
    defaultStayMinutes: ctx.config.defaultStayMinutes,
    person: personColumns(input.person),
  };
  const outcome = await recordWithPartition(ctx, row);
  if (!outcome) throw new AppError('venue_not_found');
  if (outcome.inserted) {
    return { result: present(ctx, { ...row, venueName: outcome.venueName, fullName: row.person.fullName }), duplicate: false };
  }
  const first = await checkIns.findCheckInByClientId(ctx.db, input.clientId);
  if (first) return { result: present(ctx, first), duplicate: true };
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

function present(
  ctx: ServiceContext,
  c: { id: string; checkedInAt: Date; venueName: string; flagged: boolean; fullName: string; statusColour: StatusColour | null },
): CheckInResult {
  return {
    id: c.id,
    checkedInAt: c.checkedInAt,
    venue: { name: c.venueName },
    flagged: c.flagged,
    checkoutToken: checkoutTokenFor(c.id, ctx.keys.current),
    person: { fullName: c.fullName },
    statusColour: c.statusColour,
  };
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
      statusColour: c.statusColour,
    })),
  };
}
