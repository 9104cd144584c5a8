/**
 * Entries recorded at the door (F7, F8): venue staff scan a personal card, pick a person found by
 * phone, or type in a paper declaration; an enrolled kiosk scans cards. Every scan's context (who is
 * scanning, the card, its colour rules) comes from one batched read (services/check-in-writer.ts).
 */
import { latestDeclarationByIdHashes, latestDeclarationOf } from '../db/queries/declarations.js';
import { idNumberKey } from '../domain/keyring.js';
import { parseCccdQr } from '../domain/cccd.js';
import type { ScanContextRow } from '../db/queries/scan-context.js';
import { type Actor } from '../domain/access.js';
import { currentColour } from '../domain/status.js';
import { personNameKey } from '../domain/stay.js';
import { AppError } from '../errors.js';
import type { Person, StatusColour } from '../../shared/contracts.js';
import type { StaffCheckIn } from '../../shared/api/check-ins.js';
import { checkVenueAccess, requireSettledPassword } from './access.js';
import { tokenHash } from './auth.js';
import { cardPublicIdFromQr, usableCard } from './cards.js';
import { declareWithEntry, record, type Recorded } from './check-ins.js';
import type { ServiceContext } from './context.js';
import { nameKeyOf } from './people.js';
import { lastTracedAt } from '../db/queries/traced-contacts.js';
import { mergeRules } from './status-rules.js';
/** Clock difference tolerated between a scanner device and the server for `at`. */
const CLOCK_SKEW_MS = 2 * 60_000;

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
  const byCccd = body.cccdQr !== undefined;
  if (byCccd) checkCccdEntry(body);
  const scan = await ctx.scanReader.run({
    tokenHash:
      credentials.sessionToken && !credentials.kioskToken ? tokenHash(credentials.sessionToken) : null,
    kioskTokenHash: credentials.kioskToken ? tokenHash(credentials.kioskToken) : null,
    venueId,
    cardPublicId: byCard ? cardPublicIdFromQr(ctx, body.cardQr!) : null,
  });
  const actor = scanActor(scan);
  requireSettledPassword(actor);
  const venue = checkVenueAccess(actor, scan.venueFound ? scan : null, 'record_check_ins');
  // A kiosk records its own channel only (its entries are counted as "thiết bị tự động").
  if (actor?.role === 'kiosk' && body.channel !== 'kiosk')
    throw new AppError('forbidden', [{ path: 'channel', code: 'kiosk_only' }]);
  const recorderId = actor?.role === 'kiosk' ? null : actor!.userId;
  const checkedInAt = entryTime(ctx, body.at);
  if (!byCard && !byCccd && !body.person)
    throw new AppError('person_required', [{ path: 'person', code: 'required' }]);
  const rules = mergeRules(scan.nationalRules, scan.provinceRules);
  const { person, cardId, latest, tracedAt } = byCard
    ? entrantFromCard(scan)
    : byCccd
      ? await entrantFromChipCard(ctx, body.cccdQr!)
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
    statusColour: currentColour(latest, rules, checkedInAt, tracedAt),
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
    mustChangePassword: scan.actorMustChangePassword ?? false,
  };
}

interface Entrant {
  person: Person;
  cardId: string | null;
  latest: { id: string; declaredAt: Date; flagged: boolean; statusColour: StatusColour } | null;
  /** When the person was last found as F1 (tracing with notify), or null. */
  tracedAt: Date | null;
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
    tracedAt: scan.tracedAt,
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

/** A chip ID card goes alone, scanned (`qr_staff`, `kiosk`): not with a card, a typed person or paper. */
function checkCccdEntry(body: StaffCheckIn) {
  const clash = (['cardQr', 'person', 'declaration'] as const).find((k) => body[k] !== undefined);
  if (clash) throw new AppError('validation_failed', [{ path: clash, code: 'not_with_cccd' }]);
  if (body.channel === 'paper')
    throw new AppError('validation_failed', [{ path: 'channel', code: 'scanned_channel_only' }]);
}

/**
 * The person on a chip ID card (F20): no phone, nothing issued; their colour is that of the latest
 * declaration made with the same ID number, grey when there is none.
 */
async function entrantFromChipCard(ctx: ServiceContext, text: string): Promise<Entrant> {
  const card = parseCccdQr(text);
  if (!card) throw new AppError('cccd_invalid', [{ path: 'cccdQr', code: 'not_a_chip_id_card' }]);
  const person: Person = {
    fullName: card.fullName,
    phone: '',
    idNumber: card.idNumber,
    birthYear: card.birthYear,
    ...(card.sex ? { sex: card.sex } : {}),
    ...(card.address ? { address: card.address } : {}),
  };
  // Only the look-up hashes are needed here (the row is sealed when written): declarations made under
  // any key of the ring, the person key under the current one, as personColumns writes it.
  const key = idNumberKey(card.idNumber);
  const [latest, tracedAt] = await Promise.all([
    latestDeclarationByIdHashes(ctx.db, ctx.keys.sealer.lookupHashes(key)),
    lastTracedAt(ctx.db, '', nameKeyOf(card.fullName, '', ctx.keys.sealer.lookupHash(key))),
  ]);
  return { person, cardId: null, latest, tracedAt };
}

/** A typed-in person, with the paper declaration made at the door if there is one. */
async function entrantFromPerson(
  ctx: ServiceContext,
  body: StaffCheckIn,
  userId: number | null,
  venueId: number,
): Promise<Entrant> {
  const person = body.person!;
  const nameKey = personNameKey(person.fullName);
  const [declared, tracedAt] = await Promise.all([
    declareWithEntry(ctx, body.clientId, person, body.declaration, 'paper', {
      recordedByUserId: userId,
      venueId,
    }),
    lastTracedAt(ctx.db, person.phone, nameKey),
  ]);
  if (declared) {
    const latest = {
      id: declared.id,
      declaredAt: declared.declaredAt,
      flagged: declared.flagged,
      statusColour: declared.statusColour,
    };
    return { person, cardId: declared.card.id, latest, tracedAt };
  }
  return { person, cardId: null, latest: await latestDeclarationOf(ctx.db, person.phone, nameKey), tracedAt };
}
