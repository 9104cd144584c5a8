/**
 * Declaration flags and status colours (F5, F18) as pure rules.
 *
 * A declaration is flagged when any symptom or exposure answer is "yes" or the person visited a
 * hotspot area in its window. The colour comes from rules a province can configure: each condition
 * names the colour it raises the status to; the worst colour wins. A person without a recent
 * declaration gets the `noRecentDeclaration` colour.
 */
import { SYMPTOM_KEYS, type Exposure, type StatusColour, type Symptoms } from '../../shared/contracts.js';

export interface StatusRules {
  confirmedCase: StatusColour;
  symptomaticPerson: StatusColour;
  fromAffectedArea: StatusColour;
  anySymptom: StatusColour;
  hotspotVisit: StatusColour;
  /** A symptom together with any exposure. */
  symptomsWithExposure: StatusColour;
  noRecentDeclaration: StatusColour;
  /** A declaration counts as recent for this many days. */
  declarationValidDays: number;
  /** Someone found as F1 by a tracing look-up with notify: this colour for `tracedContactDays` days. */
  tracedContact: StatusColour;
  tracedContactDays: number;
}

export const DEFAULT_STATUS_RULES: StatusRules = {
  confirmedCase: 'red',
  symptomaticPerson: 'yellow',
  fromAffectedArea: 'yellow',
  anySymptom: 'yellow',
  hotspotVisit: 'yellow',
  symptomsWithExposure: 'red',
  noRecentDeclaration: 'yellow',
  declarationValidDays: 14,
  tracedContact: 'red',
  tracedContactDays: 14,
};

const RANK: Record<StatusColour, number> = { green: 0, yellow: 1, red: 2 };

export function worst(colours: readonly StatusColour[]): StatusColour {
  return colours.reduce<StatusColour>((a, b) => (RANK[b] > RANK[a] ? b : a), 'green');
}

export interface Answers {
  symptoms: Symptoms;
  exposure: Exposure;
  hotspotIds: readonly number[];
}

export function hasAnySymptom(s: Symptoms): boolean {
  return SYMPTOM_KEYS.some((k) => s[k]);
}

export function hasAnyExposure(e: Exposure): boolean {
  return e.confirmedCase || e.fromAffectedArea || e.symptomaticPerson;
}

export function isFlagged(a: Answers): boolean {
  return hasAnySymptom(a.symptoms) || hasAnyExposure(a.exposure) || a.hotspotIds.length > 0;
}

export function declarationColour(a: Answers, rules: StatusRules): StatusColour {
  const symptom = hasAnySymptom(a.symptoms);
  const colours: StatusColour[] = [];
  if (a.exposure.confirmedCase) colours.push(rules.confirmedCase);
  if (a.exposure.symptomaticPerson) colours.push(rules.symptomaticPerson);
  if (a.exposure.fromAffectedArea) colours.push(rules.fromAffectedArea);
  if (symptom) colours.push(rules.anySymptom);
  if (a.hotspotIds.length > 0) colours.push(rules.hotspotVisit);
  if (symptom && hasAnyExposure(a.exposure)) colours.push(rules.symptomsWithExposure);
  return worst(colours);
}

/**
 * The colour staff see when a person enters, from their latest declaration at `now`: null when there
 * is none on record (shown grey, API v1.1: distinct from a yellow that asks for follow-up); an
 * outdated one is at least `noRecentDeclaration`.
 */
export function currentColour(
  latest: { declaredAt: Date; statusColour: StatusColour } | null,
  rules: StatusRules,
  now: Date,
  tracedAt: Date | null = null,
): StatusColour | null {
  const declared = latest && agedColour(latest, rules, now);
  return tracedContactColour(declared, rules, now, tracedAt);
}

/** A declaration's colour, at least `noRecentDeclaration` once it is no longer recent. */
function agedColour(
  latest: { declaredAt: Date; statusColour: StatusColour },
  rules: StatusRules,
  now: Date,
): StatusColour {
  const ageDays = (now.getTime() - latest.declaredAt.getTime()) / 86_400_000;
  return ageDays > rules.declarationValidDays
    ? worst([latest.statusColour, rules.noRecentDeclaration])
    : latest.statusColour;
}

/**
 * A colour raised to the tracing rule's while the person was found as F1 (with notify) less than
 * `tracedContactDays` ago; unchanged (null stays null: no declaration) otherwise.
 */
export function tracedContactColour(
  colour: StatusColour | null,
  rules: StatusRules,
  now: Date,
  tracedAt: Date | null,
): StatusColour | null {
  const traced =
    tracedAt !== null && now.getTime() - tracedAt.getTime() <= rules.tracedContactDays * 86_400_000;
  return traced ? worst([colour ?? 'green', rules.tracedContact]) : colour;
}

export interface Hotspot {
  id: number;
  /** Codes from the province down to the hotspot's unit. */
  adminUnitPath: readonly string[];
}

/**
 * Hotspots a declaration touches: those the person said yes to, and those whose unit is among the
 * visited areas or contains one of them (a visited commune inside a hotspot district).
 */
export function touchedHotspots(
  hotspots: readonly Hotspot[],
  saidYesTo: readonly number[],
  visitedAreaPaths: readonly (readonly string[])[],
): number[] {
  const yes = new Set(saidYesTo);
  return hotspots
    .filter((h) => {
      if (yes.has(h.id)) return true;
      const unit = h.adminUnitPath[h.adminUnitPath.length - 1]!;
      return visitedAreaPaths.some((path) => path.includes(unit));
    })
    .map((h) => h.id);
}

/** Seed 003: people who were in a listed area "within 21 days" must declare; hotspots stay asked that long. */
export const HOTSPOT_LOOKBACK_DAYS = 21;
