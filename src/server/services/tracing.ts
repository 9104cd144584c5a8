/**
 * Contact tracing (F12) and exposure notices (F13). Every read states a purpose and leaves an
 * append-only audit entry (who, when, why, about whom, how many rows came back), written before the
 * answer leaves: an audit that fails is an answer refused. Tracers and officials see only visits at
 * venues in their area.
 */
import { appendAudit, type AuditEntry } from '../db/queries/audit.js';
import * as cards from '../db/queries/cards.js';
import * as notices from '../db/queries/notices.js';
import * as tracing from '../db/queries/tracing.js';
import { recordTracedContacts } from '../db/queries/traced-contacts.js';
import type { Queryable } from '../db/db.js';
import type { Actor } from '../domain/access.js';
import { presence } from '../domain/exposure.js';
import { AppError, type ErrorDetail } from '../errors.js';
import { personNameKey } from '../domain/stay.js';
import { idNumberKey } from '../domain/keyring.js';
import { maskPhone } from '../../shared/phone.js';
import { DEFAULT_TRACING_DAYS, DEFAULT_TRACING_MARGIN_MINUTES } from '../../shared/api/tracing.js';
import { requireActor, unitFor } from './access.js';
import { cardPublicIdFromQr } from './cards.js';
import type { ServiceContext } from './context.js';
import { requestedDays } from './ranges.js';
import { noticesFor, textPeople } from './exposure-notices.js';

export interface TracingInput {
  subject: { phone?: string; idNumber?: string; cardQr?: string; fullName?: string };
  from?: string;
  to?: string;
  purpose: string;
  depth: 1 | 2;
  marginMinutes?: number;
  notify: boolean;
}

const keyOf = (p: { phone: string; nameKey: string }) => `${p.phone} ${p.nameKey}`;

export async function tracerArea(ctx: ServiceContext, actor: Actor | null) {
  const who = requireActor(actor);
  const unit = await unitFor(ctx.db, who, ctx.config.adminUnitsVersion, undefined, 'trace');
  return { who, unit, area: unit.path.length ? unit.code : null };
}

/**
 * The subject as the audit log keeps it (forever): a keyed hash of the phone or ID number that an
 * official holding the number can match, and a masked phone to read; never the number itself.
 */
export function auditedSubject(ctx: ServiceContext, subject: TracingInput['subject']) {
  const hash = (value: string) => ctx.keys.sealer.lookupHash(value).toString('hex');
  return {
    ...(subject.phone ? { phoneHash: hash(subject.phone), phoneMasked: maskPhone(subject.phone) } : {}),
    ...(subject.idNumber ? { idNumberHash: hash(idNumberKey(subject.idNumber)) } : {}),
    ...(subject.cardQr ? { byCard: true } : {}),
    ...(subject.fullName ? { narrowedByName: true } : {}),
  };
}

async function subjectMatch(
  ctx: ServiceContext,
  subject: TracingInput['subject'],
): Promise<tracing.SubjectMatch> {
  if (subject.cardQr) {
    const publicId = cardPublicIdFromQr(ctx, subject.cardQr);
    const card = publicId ? await cards.findCardByPublicId(ctx.db, publicId) : null;
    if (!card) throw new AppError('card_not_found');
    return { phone: card.phone, nameKey: card.nameKey };
  }
  if (subject.idNumber) return { idHashes: ctx.keys.sealer.lookupHashes(idNumberKey(subject.idNumber)) };
  return { phone: subject.phone! };
}

/** Widened windows of stays at their venues (the case side of the overlap rule). */
export function windowsOf(stays: readonly tracing.StayRow[], marginMs: number): tracing.Window[] {
  return stays.map((s) => {
    const p = presence({
      checkedInAt: s.checkedInAt.getTime(),
      checkedOutAt: s.checkedOutAt?.getTime() ?? null,
      stayMinutes: s.stayMinutes,
    });
    return { venueId: s.venueId, from: new Date(p.start - marginMs), to: new Date(p.end + marginMs) };
  });
}

export async function traceContacts(ctx: ServiceContext, actor: Actor | null, input: TracingInput) {
  const { who, unit, area } = await tracerArea(ctx, actor);
  const range = requestedDays(ctx, input, DEFAULT_TRACING_DAYS);
  const { start: from, end: to } = range;
  const marginMinutes = input.marginMinutes ?? DEFAULT_TRACING_MARGIN_MINUTES;
  const marginMs = marginMinutes * 60_000;
  const match = await subjectMatch(ctx, input.subject);

  // The reads first (two weeks of day partitions: generic plans), then the audit entry, and with it
  // the notices when asked, in one transaction; the answer leaves only once its audit is written.
  const found = await ctx.db.readsWithGenericPlans(async (q) => {
    const people = onePerson(await tracing.subjectStays(q, match, from, to, area), input.subject.fullName);
    if ('ambiguous' in people) return people;
    const visits = people.visits;
    const caseKeys = [...new Set(visits.map(keyOf))];
    const windows = windowsOf(visits, marginMs);
    const level1 = await tracing.presentDuring(q, windows, caseKeys);
    const { level2, f1Stays } =
      input.depth === 2
        ? await secondLevel(q, level1, caseKeys, { from, to, area, marginMs })
        : { level2: [], f1Stays: [] };
    return { visits, windows, level1, level2, f1Stays };
  });
  const subjectRange = { ...auditedSubject(ctx, input.subject), from: range.from, to: range.to };
  if ('ambiguous' in found) {
    // The names a number belongs to were read: that look-up is audited too.
    await audit(ctx, ctx.db, who, {
      action: 'contact_trace',
      purpose: input.purpose,
      subject: subjectRange,
      result: { ambiguous: found.ambiguous.length },
      areaCodes: unit.path.slice(),
    });
    throw new AppError('subject_ambiguous', found.ambiguous);
  }
  const { visits, windows, level1, level2, f1Stays } = found;
  const record = async (q: Queryable) => {
    const notified = input.notify ? await notifyContacts(ctx, q, level1, windows) : 0;
    await audit(ctx, q, who, {
      action: 'contact_trace',
      purpose: input.purpose,
      subject: { ...subjectRange, depth: input.depth, marginMinutes },
      result: { visits: visits.length, contacts: level1.length, secondLevel: level2.length, notified },
      areaCodes: areaCodes(
        unit.path,
        [...visits, ...f1Stays].map((v) => v.venuePath),
      ),
    });
    return notified;
  };
  // Without notices the audit entry is one statement: no transaction around it.
  const notified = input.notify ? await ctx.db.tx(record) : await record(ctx.db);
  return {
    subject: visits[0] ? { fullName: visits[0].fullName, phone: visits[0].phone } : null,
    from: range.from,
    to: range.to,
    marginMinutes,
    visits,
    /** F1 then F2, each ranked. */
    contactsByLevel: [ranked(level1), ranked(level2)] as const,
    notified,
  };
}

const byName = new Intl.Collator('vi').compare;

/** Longest shared time first, then by venue and name. */
function ranked(contacts: readonly tracing.ContactRow[]) {
  return [...contacts].sort(
    (a, b) => b.overlapSeconds - a.overlapSeconds || a.venueId - b.venueId || byName(a.fullName, b.fullName),
  );
}

/**
 * F2 (depth 2): everyone who met an F1 after the F1's own first contact with the case (an F1 can only
 * pass it on from then), the case and the F1s excepted.
 */
async function secondLevel(
  q: Queryable,
  level1: readonly tracing.ContactRow[],
  caseKeys: readonly string[],
  scope: { from: Date; to: Date; area: string | null; marginMs: number },
): Promise<{ level2: tracing.ContactRow[]; f1Stays: tracing.StayRow[] }> {
  if (!level1.length) return { level2: [], f1Stays: [] };
  const firstContact = new Map<string, { phone: string; nameKey: string; at: number }>();
  for (const c of level1) {
    const known = firstContact.get(keyOf(c));
    if (!known || c.firstAt < known.at)
      firstContact.set(keyOf(c), { phone: c.phone, nameKey: c.nameKey, at: c.firstAt });
  }
  const f1Stays = (
    await tracing.staysOfPeople(q, [...firstContact.values()], scope.from, scope.to, scope.area)
  ).filter((s) => s.checkedInAt.getTime() + s.stayMinutes * 60_000 >= firstContact.get(keyOf(s))!.at);
  const level2 = await tracing.presentDuring(q, windowsOf(f1Stays, scope.marginMs), [
    ...caseKeys,
    ...firstContact.keys(),
  ]);
  return { level2, f1Stays };
}

/** The name part of a person key (a chip-ID entrant's key carries a hash after `#`). */
const nameOfKey = (nameKey: string) => nameKey.split('#')[0]!;

/**
 * The visits of one person: a phone or ID number several people used (a family on one phone) is
 * narrowed by `fullName`; without it, the people it belongs to are the answer (409 subject_ambiguous).
 */
export function onePerson(
  stays: tracing.StayRow[],
  fullName: string | undefined,
): { visits: tracing.StayRow[] } | { ambiguous: ErrorDetail[] } {
  if (fullName !== undefined) {
    const wanted = personNameKey(fullName);
    return { visits: stays.filter((s) => nameOfKey(s.nameKey) === wanted) };
  }
  const people = new Map<string, tracing.StayRow>();
  for (const s of stays) people.set(keyOf(s), s); // latest stay per person (stays come oldest first)
  if (people.size <= 1) return { visits: stays };
  return {
    ambiguous: [...people.values()]
      .map((p) => ({ code: 'person', fullName: p.fullName, birthYear: p.birthYear }))
      .sort((a, b) => byName(a.fullName, b.fullName)),
  };
}

/** An audit entry by `who`, now, in the transaction of the read it records. */
export function audit(
  ctx: ServiceContext,
  q: Queryable,
  who: Actor,
  entry: Omit<AuditEntry, 'at' | 'actorUserId' | 'actorUsername' | 'actorRole'>,
) {
  return appendAudit(q, {
    at: ctx.now(),
    actorUserId: who.userId,
    actorUsername: who.username,
    actorRole: who.role,
    ...entry,
  });
}

/** Officials of every unit on these paths (and the reader's own) may review the audit entry. */
export function areaCodes(readerPath: readonly string[], venuePaths: readonly string[][]): string[] {
  return [...new Set([...readerPath, ...venuePaths.flat()])];
}

/** A notice on each F1 check-in that met the case, and one text per F1 phone. */
async function notifyContacts(
  ctx: ServiceContext,
  q: Queryable,
  contacts: tracing.ContactRow[],
  windows: tracing.Window[],
) {
  const perVenue = new Map<number, { from: Date; to: Date }>();
  for (const w of windows) {
    const known = perVenue.get(w.venueId);
    perVenue.set(w.venueId, {
      from: known && known.from < w.from ? known.from : w.from,
      to: known && known.to > w.to ? known.to : w.to,
    });
  }
  const added = await notices.insertNotices(
    q,
    noticesFor(contacts, 'contact', (venueId) => perVenue.get(venueId)!),
    ctx.now(),
  );
  await textPeople(ctx, q, contacts, 'contact_notice');
  // Their colour turns to the tracing rule's (red by default) at the door and on their card.
  await recordTracedContacts(q, contacts, ctx.now());
  return added;
}
