/**
 * Saved tracing cases (issue 16): a look-up's result kept, sealed, so a team hands a case over
 * without tracing the person again. Saving traces (audited, notifying when asked) and keeps the
 * answer as it was; opening, exporting, closing and reopening are audited and form the case's own
 * trail. A case is seen by the tracers and officials whose area covers the unit of the person who
 * saved it.
 */
import * as cases from '../db/queries/tracing-cases.js';
import type { Actor } from '../domain/access.js';
import { overlapMinutes } from '../domain/exposure.js';
import { isoInstant } from '../domain/instant.js';
import { AppError } from '../errors.js';
import { uuidv7 } from '../ids.js';
import { CASES_LISTED, type TracingAnswer } from '../../shared/api/tracing.js';
import type { ServiceContext } from './context.js';
import { audit, traceContacts, tracerArea, type TracingInput } from './tracing.js';

/** One entry of a case's own trail: when, who, what. */
export type TrailEntry = Awaited<ReturnType<typeof cases.caseTrail>>[number];

/**
 * A tracing result as the API shows it (also the rows of its CSV/XLSX export and of a saved case), every
 * field named: the route sends it without a run-time schema check (sendContractJson).
 */
export function traceAnswer(result: Awaited<ReturnType<typeof traceContacts>>): TracingAnswer {
  return {
    subject: result.subject,
    from: result.from,
    to: result.to,
    marginMinutes: result.marginMinutes,
    notified: result.notified,
    visits: result.visits.map((v) => ({
      checkInId: v.checkInId,
      venueId: v.venueId,
      venueName: v.venueName,
      checkedInAt: isoInstant(v.checkedInAt),
      checkedOutAt: v.checkedOutAt && isoInstant(v.checkedOutAt),
    })),
    contacts: result.contactsByLevel.flatMap((contacts, i) =>
      contacts.map((c) => ({
        person: { fullName: c.fullName, phone: c.phone },
        venueId: c.venueId,
        venueName: c.venueName,
        overlapMinutes: overlapMinutes(c.overlapSeconds),
        level: i === 0 ? (1 as const) : (2 as const),
        firstContactAt: isoInstant(c.firstAt),
      })),
    ),
  };
}

export async function saveCase(
  ctx: ServiceContext,
  actor: Actor | null,
  input: TracingInput & { label: string },
) {
  const { who, unit } = await tracerArea(ctx, actor);
  const answer = traceAnswer(await traceContacts(ctx, who, input));
  const row = {
    id: uuidv7(ctx.now().getTime()),
    label: input.label,
    purpose: input.purpose,
    createdAt: ctx.now(),
    createdBy: who.userId,
    createdByUsername: who.username,
    ownerPath: unit.path,
    subjectName: answer.subject?.fullName ?? null,
    fromDay: answer.from,
    toDay: answer.to,
    contacts: answer.contacts.length,
    notified: answer.notified,
    sealedAnswer: ctx.keys.sealer.seal(JSON.stringify(answer)),
    closedAt: null,
    closedByUsername: null,
  };
  await ctx.db.tx(async (q) => {
    await cases.insertCase(q, row);
    await caseAudit(ctx, q, who, row, 'case_save');
  });
  return { ...summaryOf(row), answer, trail: await cases.caseTrail(ctx.db, row.id) };
}

export async function listCases(ctx: ServiceContext, actor: Actor | null) {
  const { unit } = await tracerArea(ctx, actor);
  return (await cases.listCases(ctx.db, unit.path, CASES_LISTED)).map(summaryOf);
}

/** A case with its result as saved; the read (or the export) is audited and joins the trail. */
export async function openCase(
  ctx: ServiceContext,
  actor: Actor | null,
  id: string,
  action: 'case_open' | 'case_export' = 'case_open',
) {
  const { who, unit } = await tracerArea(ctx, actor);
  const row = await cases.findCase(ctx.db, id, unit.path);
  if (!row) throw new AppError('not_found');
  const plain = ctx.keys.sealer.open(row.sealedAnswer);
  // A case sealed under a key no longer in the ring cannot be read: it is as good as deleted.
  if (plain === null) throw new AppError('not_found');
  await ctx.db.tx((q) => caseAudit(ctx, q, who, row, action));
  return {
    ...summaryOf(row),
    answer: JSON.parse(plain) as TracingAnswer,
    trail: await cases.caseTrail(ctx.db, row.id),
  };
}

/**
 * Closes a case the team is done with, or reopens it (`closed: false`); a case already so is left as
 * it is. Audited: it joins the case's trail.
 */
export async function setCaseClosed(ctx: ServiceContext, actor: Actor | null, id: string, closed: boolean) {
  const { who, unit } = await tracerArea(ctx, actor);
  return ctx.db.tx(async (q) => {
    const row = await cases.findCase(q, id, unit.path);
    if (!row) throw new AppError('not_found');
    let now: cases.CaseRow = row;
    if ((row.closedAt !== null) !== closed) {
      now = await cases.setCaseClosed(q, id, closed ? ctx.now() : null, closed ? who.username : null);
      await caseAudit(ctx, q, who, row, closed ? 'case_close' : 'case_reopen');
    }
    return { ...summaryOf(now), trail: await cases.caseTrail(q, id) };
  });
}

function caseAudit(
  ctx: ServiceContext,
  q: Parameters<typeof audit>[1],
  who: Actor,
  row: Pick<cases.CaseRow, 'id' | 'label' | 'purpose' | 'ownerPath' | 'fromDay' | 'toDay' | 'contacts'>,
  action: 'case_save' | 'case_open' | 'case_export' | 'case_close' | 'case_reopen',
) {
  return audit(ctx, q, who, {
    action,
    purpose: row.purpose,
    subject: { caseId: row.id, label: row.label, from: row.fromDay, to: row.toDay },
    result: { contacts: row.contacts },
    areaCodes: row.ownerPath,
  });
}

function summaryOf(row: Omit<cases.CaseRow, 'ownerPath'>) {
  return {
    id: row.id,
    label: row.label,
    purpose: row.purpose,
    savedAt: row.createdAt,
    savedBy: row.createdByUsername,
    subjectName: row.subjectName,
    from: row.fromDay,
    to: row.toDay,
    contacts: row.contacts,
    notified: row.notified,
    closedAt: row.closedAt,
    closedBy: row.closedByUsername,
  };
}
