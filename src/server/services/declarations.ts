/**
 * Health declarations (F5): evaluate the answers against hotspots and status rules, store them, and
 * link them to the person's card (issued on the first declaration). Idempotent on clientId.
 */
import { resolveUnit } from './admin-units.js';
import { countDeclaration } from '../db/queries/aggregates.js';
import { venueUnitPath } from '../db/queries/venues.js';
import { localDate } from '../domain/local-day.js';
import * as cards from '../db/queries/cards.js';
import * as declarations from '../db/queries/declarations.js';
import type { Queryable } from '../db/db.js';
import { declarationColour, isFlagged, touchedHotspots } from '../domain/status.js';
import { AppError } from '../errors.js';
import { uuidv7 } from '../ids.js';
import type { DeclarationAnswers, Person, StatusColour } from '../../shared/contracts.js';
import { issueOrLinkCard, presentCard } from './cards.js';
import type { ServiceContext } from './context.js';
import { activeHotspots } from './hotspots.js';
import { personColumns, sealedAnswers } from './people.js';
import { rulesFor } from './status-rules.js';
import { arrivalPlaces, recordArrival } from './arrivals.js';
import type { ArrivalFacts } from '../../shared/api/arrivals.js';

export interface DeclarationResult {
  id: string;
  declaredAt: Date;
  flagged: boolean;
  statusColour: StatusColour;
  card: ReturnType<typeof presentCard>;
}

export interface DeclarationInput {
  clientId: string | null;
  person: Person;
  answers: DeclarationAnswers;
  channel: 'self' | 'on_behalf' | 'paper';
  recordedByUserId?: number | null;
  venueId?: number | null;
  /** A declaration on arrival (F21): the journey and the stay. */
  arrival?: ArrivalFacts;
}

/** Visited areas as paths from the province down; unknown codes are a 400. */
async function visitedAreaPaths(ctx: ServiceContext, q: Queryable, codes: readonly string[]) {
  const paths: string[][] = [];
  for (const code of new Set(codes))
    paths.push((await resolveUnit(q, ctx.config.adminUnitsVersion, code, 'visitedAreas')).path);
  return paths;
}

export async function submitDeclaration(ctx: ServiceContext, input: DeclarationInput, q: Queryable = ctx.db) {
  const run = async (tx: Queryable): Promise<{ result: DeclarationResult; duplicate: boolean }> => {
    const now = ctx.now();
    const id = uuidv7(now.getTime());
    if (input.clientId) {
      if (!(await declarations.claimClientId(tx, input.clientId, id, now)))
        return { result: await firstResult(ctx, tx, input.clientId), duplicate: true };
    }
    const person = personColumns(input.person, ctx.keys.sealer);
    const arrival = input.arrival && (await arrivalPlaces(ctx, tx, input.arrival, now));
    const hotspots = await activeHotspots(ctx, tx);
    const known = new Set(hotspots.map((h) => h.id));
    const unknown = input.answers.hotspotVisits.filter((h) => !known.has(h));
    if (unknown.length)
      throw new AppError('hotspot_not_found', [
        { path: 'hotspotVisits', code: 'unknown', message: unknown.join(',') },
      ]);
    const paths = await visitedAreaPaths(ctx, tx, input.answers.visitedAreas);
    const hotspotIds = touchedHotspots(hotspots, input.answers.hotspotVisits, paths);
    const homePath = person.adminUnitCode
      ? (await resolveUnit(tx, ctx.config.adminUnitsVersion, person.adminUnitCode, 'person.adminUnitCode'))
          .path
      : [];
    const rules = await rulesFor(tx, homePath[0] ?? null);
    const answers = { symptoms: input.answers.symptoms, exposure: input.answers.exposure, hotspotIds };
    const flagged = isFlagged(answers);
    const statusColour = declarationColour(answers, rules);
    await declarations.insertDeclaration(tx, {
      id,
      declaredAt: now,
      channel: input.channel,
      person,
      answersSealed: sealedAnswers(ctx.keys.sealer, {
        visitedAreas: [...new Set(input.answers.visitedAreas)],
        symptoms: input.answers.symptoms,
        exposure: input.answers.exposure,
        vaccineDoses: input.answers.vaccineDoses ?? null,
      }),
      hotspotIds,
      flagged,
      statusColour,
      recordedByUserId: input.recordedByUserId ?? null,
      venueId: input.venueId ?? null,
      kind: input.arrival ? 'arrival' : 'domestic',
    });
    if (arrival) await recordArrival(tx, id, input.arrival!, arrival);
    const card = await issueOrLinkCard(tx, person, id, now);
    await countDeclaration(tx, {
      day: localDate(now, ctx.config.timeZone),
      // Where the person is: the venue declared at, the ward of stay on arrival, else their home unit.
      unitPath: input.venueId ? await venueUnitPath(tx, input.venueId) : (arrival?.stay.path ?? homePath),
      flagged,
      issuedFirstCard: card.newlyIssued,
    });
    return {
      result: { id, declaredAt: now, flagged, statusColour, card: presentCard(ctx, card) },
      duplicate: false,
    };
  };
  return q === ctx.db ? ctx.db.tx(run) : run(q);
}

async function firstResult(ctx: ServiceContext, q: Queryable, clientId: string): Promise<DeclarationResult> {
  const first = await declarations.findDeclarationByClientId(q, clientId);
  if (!first) throw new AppError('not_found');
  const card = await cards.findActiveCardOf(q, first.phone, first.nameKey);
  if (!card) throw new AppError('card_not_found');
  return {
    id: first.id,
    declaredAt: first.declaredAt,
    flagged: first.flagged,
    statusColour: first.statusColour,
    card: presentCard(ctx, card),
  };
}
