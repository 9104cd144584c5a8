/**
 * Checking in and out (F4, F7, F8). The write is one SQL round trip (db/queries/check-ins.ts);
 * retries with the same clientId return the first result and write nothing.
 */
import { createHash } from 'node:crypto';
import * as checkIns from '../db/queries/check-ins.js';
import { forgetSketchesOfLateDays } from '../db/queries/people-sketches.js';
import { latestDeclarationOf } from '../db/queries/declarations.js';
import { loadScanContexts, type ScanContextInput, type ScanContextRow } from '../db/queries/scan-context.js';
import { seesVisitorPhones, type Actor } from '../domain/access.js';
import { maskPhone } from '../../shared/phone.js';
import { addDays, localDate, startOfLocalDay } from '../domain/local-day.js';
import { currentColour } from '../domain/status.js';
import { checkoutTime, personNameKey } from '../domain/stay.js';
import { checkoutTokenFor, verifyCheckoutToken, verifyVenueCode } from '../domain/signed-code.js';
import { AppError } from '../errors.js';
import { uuidv7 } from '../ids.js';
import type { DeclarationAnswers, Person, StatusColour } from '../../shared/contracts.js';
import type { CitizenCheckIn, StaffCheckIn } from '../../shared/api/check-ins.js';
import { checkVenueAccess, venueFor } from './access.js';
import { tokenHash } from './auth.js';
import { cardPublicIdFromQr, usableCard } from './cards.js';
import type { ServiceContext } from './context.js';
import { submitDeclaration } from './declarations.js';
import { ensureDayPartition, isMissingPartition } from './partitions.js';
import { Batcher } from './batcher.js';
import type { Db } from '../db/db.js';
import { personColumns } from './people.js';
import { mergeRules } from './status-rules.js';

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

/** Entry time of a staff-recorded check-in: now, or the given past time (paper, offline queue). */
function entryTime(ctx: ServiceContext, at: string | undefined): Date {
  const now = ctx.now();
  if (!at) return now;
  const when = new Date(at);
  if (when.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw new AppError('at_in_future', [{ path: 'at', code: 'future' }]);
  if (when.getTime() < now.getTime() - ctx.config.retentionDays * 86_400_000)
    throw new AppError('at_too_old', [{ path: 'at', code: 'too_old' }]);
  return when > now ? now : when;
}

/**
 * Staff or a kiosk record an entry at their venue: by card, by typed-in person, or from a paper form.
 * The scanner is a hot path: session, venue, card and colour rules are read in one round trip, and
 * the access decision is still the access module's.
 */
export async function staffCheckIn(
  ctx: ServiceContext,
  credentials: { sessionToken?: string; kioskToken?: string },
  venueId: number,
  body: StaffCheckIn,
): Promise<Recorded> {
  const byCard = body.cardQr !== undefined && body.channel !== 'paper';
  const scan = await ctx.scanReader.run({
    tokenHash:
      credentials.sessionToken && !credentials.kioskToken ? tokenHash(credentials.sessionToken) : null,
    kioskTokenHash: credentials.kioskToken ? tokenHash(credentials.kioskToken) : null,
    venueId,
    cardPublicId: byCard ? cardPublicIdFromQr(ctx, body.cardQr!) : null,
  });
  const actor = scanActor(scan);
  const venue = checkVenueAccess(actor, scan.venueFound ? scan : null, 'record_check_ins');
  // A kiosk records its own channel only (its entries are counted as "thiết bị tự động").
  if (actor?.role === 'kiosk' && body.channel !== 'kiosk')
    throw new AppError('forbidden', [{ path: 'channel', code: 'kiosk_only' }]);
  const recorderId = actor?.role === 'kiosk' ? null : actor!.userId;
  const checkedInAt = entryTime(ctx, body.at);
  if (!byCard && !body.person) throw new AppError('person_required', [{ path: 'person', code: 'required' }]);
  const rules = mergeRules(scan.nationalRules, scan.provinceRules);
  const { person, cardId, latest } = byCard
    ? entrantFromCard(scan)
    : await entrantFromPerson(ctx, body, recorderId, venueId);
  const fresh =
    latest && checkedInAt.getTime() - latest.declaredAt.getTime() <= rules.declarationValidDays * 86_400_000;
  return record(ctx, {
    clientId: body.clientId,
    entrancePublicId: venue.mainEntrancePublicId,
    checkedInAt,
    channel: body.channel,
    person,
    flagged: fresh ? latest.flagged : false,
    statusColour: currentColour(latest, rules, checkedInAt),
    cardId,
    declarationId: latest?.id ?? null,
    recordedByUserId: recorderId,
  });
}

/** The staff member's account or the kiosk device found with the scan, or null (401). */
function scanActor(scan: ScanContextRow): Actor | null {
  if (scan.kioskId)
    return {
      userId: 0,
      username: `kiosk:${scan.kioskId}`,
      role: 'kiosk',
      adminUnitCode: null,
      venueIds: [Number(scan.kioskVenueId)],
    };
  if (!scan.actorUserId) return null;
  return {
    userId: scan.actorUserId,
    username: scan.actorUsername,
    role: scan.actorRole,
    adminUnitCode: scan.actorAdminUnitCode,
    venueIds: (scan.actorVenueIds ?? []).map(Number),
  };
}

interface Entrant {
  person: Person;
  cardId: string | null;
  latest: { id: string; declaredAt: Date; flagged: boolean; statusColour: StatusColour } | null;
}

function entrantFromCard(scan: ScanContextRow): Entrant {
  const card = usableCard(scan.cardId ? { ...scan, status: scan.cardStatus } : null);
  return {
    person: {
      fullName: card.cardFullName,
      phone: card.cardPhone,
      birthYear: card.cardBirthYear ?? undefined,
    },
    cardId: card.cardId,
    latest: card.declarationId
      ? {
          id: card.declarationId,
          declaredAt: card.declaredAt!,
          flagged: card.flagged!,
          statusColour: card.statusColour!,
        }
      : null,
  };
}

/** A typed-in person, with the paper declaration made at the door if there is one. */
async function entrantFromPerson(
  ctx: ServiceContext,
  body: StaffCheckIn,
  userId: number | null,
  venueId: number,
): Promise<Entrant> {
  const person = body.person!;
  const declared = await declareWithEntry(ctx, body.clientId, person, body.declaration, 'paper', {
    recordedByUserId: userId,
    venueId,
  });
  if (declared) {
    const latest = {
      id: declared.id,
      declaredAt: declared.declaredAt,
      flagged: declared.flagged,
      statusColour: declared.statusColour,
    };
    return { person, cardId: declared.card.id, latest };
  }
  return {
    person,
    cardId: null,
    latest: await latestDeclarationOf(ctx.db, person.phone, personNameKey(person.fullName)),
  };
}

type RecordInput = Omit<checkIns.NewCheckIn, 'id' | 'defaultStayMinutes' | 'person'> & { person: Person };

async function record(ctx: ServiceContext, input: RecordInput): Promise<Recorded> {
  const row: checkIns.NewCheckIn = {
    ...input,
    id: uuidv7(ctx.now().getTime()),
    defaultStayMinutes: ctx.config.defaultStayMinutes,
    person: personColumns(input.person, ctx.keys.sealer),
  };
  const outcome = await ctx.checkInWriter.run(row);
  if (!outcome) throw new AppError('venue_not_found');
  if (outcome.inserted) {
    return {
      result: present(ctx, { ...row, venueName: outcome.venueName, fullName: row.person.fullName }),
      duplicate: false,
    };
  }
  const first = await checkIns.findCheckInByClientId(ctx.db, input.clientId);
  if (first) return { result: present(ctx, first), duplicate: true };
  if (outcome.venueStatus === 'suspended') throw new AppError('venue_suspended');
  // The clientId was claimed, but its check-in is gone (retention): treat as unknown.
  throw new AppError('check_in_not_found');
}

/** The batched reader of what a staff scan needs (reads only; batching is the same mechanism). */
export function scanReader(db: Db, now: () => Date) {
  return new Batcher<ScanContextInput, ScanContextRow>((inputs) => loadScanContexts(db, now(), inputs));
}

/**
 * The batched writer of check-ins; a batch meeting a missing day partition creates it and retries.
 * Check-ins of days already ended (paper forms typed in later) are written apart, in a transaction
 * that first forgets those days' people sketches (services/people-sketches.ts): they may wait for a
 * sketch being built, the rest of the batch does not.
 */
export function checkInWriter(db: Db, timeZone: string, now: () => Date) {
  type Row = checkIns.NewCheckIn;
  const withPartitions = async (
    rows: readonly Row[],
    write: () => Promise<(checkIns.RecordOutcome | null)[]>,
  ) => {
    try {
      return await write();
    } catch (err) {
      if (!isMissingPartition(err)) throw err;
      for (const day of new Set(rows.map((r) => localDate(r.checkedInAt, timeZone))))
        await ensureDayPartition(db, day, timeZone);
      return write();
    }
  };
  const writeCurrent = (rows: readonly Row[]) =>
    withPartitions(rows, () => checkIns.recordCheckIns(db, rows, timeZone));
  const writeLate = (rows: readonly Row[], days: readonly string[]) =>
    withPartitions(rows, () =>
      db.tx(async (q) => {
        await forgetSketchesOfLateDays(q, days);
        return checkIns.recordCheckIns(q, rows, timeZone);
      }),
    );
  return new Batcher<Row, checkIns.RecordOutcome | null>(async (rows) => {
    const todayStart = startOfLocalDay(localDate(now(), timeZone), timeZone).getTime();
    const isLate = rows.map((r) => r.checkedInAt.getTime() < todayStart);
    if (!isLate.includes(true)) return writeCurrent(rows);
    const late = rows.filter((_, i) => isLate[i]);
    const current = rows.filter((_, i) => !isLate[i]);
    const lateDays = [...new Set(late.map((r) => localDate(r.checkedInAt, timeZone)))];
    const [currentOut, lateOut] = await Promise.all([
      current.length ? writeCurrent(current) : Promise.resolve([]),
      writeLate(late, lateDays),
    ]);
    return isLate.map((wasLate) => (wasLate ? lateOut.shift()! : currentOut.shift()!) ?? null);
  });
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
): CheckInResult {
  return {
    id: c.id,
    checkedInAt: c.checkedInAt,
    venue: { name: c.venueName },
    flagged: c.flagged,
    checkoutToken: checkoutTokenFor(c.id, ctx.keys.checkout_token.current),
    person: { fullName: c.fullName },
    statusColour: c.statusColour,
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
      phone: seesVisitorPhones(actor!) ? c.phone : maskPhone(c.phone),
      channel: c.channel,
      checkedInAt: c.checkedInAt,
      checkedOutAt: c.checkedOutAt,
      flagged: c.flagged,
      statusColour: c.statusColour,
    })),
  };
}
