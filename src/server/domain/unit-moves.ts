/**
 * Where each unit of an older admin-unit list goes in a newer one (the upgrade of an installation,
 * issue 13): the rule, without the database. The mapping names lowest-level units (a 2021 commune →
 * the 2025 ward(s) it became); a province or district goes where its communes went.
 *
 * - A lowest-level unit goes to its mapping's targets, best rank first. One the mapping does not name
 *   (a commune merged before the new list was made) goes where its district's communes went, most
 *   communes first, and is marked `inferred`.
 * - A province goes to the one new province its communes went to (provinces merged whole in 2025).
 * - An intermediate unit (a district) has no counterpart: its `targets` are the new lowest-level units
 *   its communes went to, most communes first.
 */

export interface ListedUnit {
  code: string;
  parentCode: string | null;
  level: number;
}

export interface MappingRow {
  fromCode: string;
  toCode: string;
  rank: number;
}

export interface UnitMove {
  oldCode: string;
  oldLevel: number;
  /** The new unit at the same standing: a province's new province, a commune's best ward; null for a district. */
  newCode: string | null;
  /** Every new lowest-level unit the old unit's area went to, best first. */
  targets: string[];
  /** Not named by the mapping: the targets come from the units around it. */
  inferred: boolean;
}

export function planUnitMoves(
  oldUnits: readonly ListedUnit[],
  newUnits: readonly ListedUnit[],
  mapping: readonly MappingRow[],
): Map<string, UnitMove> {
  const oldLowest = Math.max(...oldUnits.map((u) => u.level));
  const newParent = new Map(newUnits.map((u) => [u.code, u.parentCode]));
  const newProvinceOf = (code: string): string => {
    for (let c: string | null | undefined = code; c;) {
      const parent = newParent.get(c);
      if (!parent) return c;
      c = parent;
    }
    return code;
  };
  const direct = new Map<string, MappingRow[]>();
  for (const row of mapping) direct.set(row.fromCode, [...(direct.get(row.fromCode) ?? []), row]);
  const children = new Map<string, ListedUnit[]>();
  for (const u of oldUnits)
    if (u.parentCode) children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), u]);

  // Every mapped target below a unit, with how many of its communes went there and their best rank.
  const tallies = new Map<string, Map<string, { communes: number; rank: number }>>();
  const tally = (unit: ListedUnit): Map<string, { communes: number; rank: number }> => {
    const known = tallies.get(unit.code);
    if (known) return known;
    const out = new Map<string, { communes: number; rank: number }>();
    const add = (code: string, communes: number, rank: number) => {
      const t = out.get(code) ?? { communes: 0, rank };
      out.set(code, { communes: t.communes + communes, rank: Math.min(t.rank, rank) });
    };
    for (const row of direct.get(unit.code) ?? []) add(row.toCode, 1, row.rank);
    for (const child of children.get(unit.code) ?? [])
      for (const [code, t] of tally(child)) add(code, t.communes, t.rank);
    tallies.set(unit.code, out);
    return out;
  };
  const ordered = (t: Map<string, { communes: number; rank: number }>) =>
    [...t]
      .sort(([a, x], [b, y]) => y.communes - x.communes || x.rank - y.rank || a.localeCompare(b))
      .map(([code]) => code);

  const byCode = new Map(oldUnits.map((u) => [u.code, u]));
  const moves = new Map<string, UnitMove>();
  for (const unit of oldUnits) {
    const own = (direct.get(unit.code) ?? []).sort((a, b) => a.rank - b.rank).map((r) => r.toCode);
    let targets = unit.level === oldLowest ? own : ordered(tally(unit));
    let inferred = false;
    // Not in the mapping: where the units around it went, from its parent upwards.
    for (
      let up = byCode.get(unit.parentCode ?? '');
      !targets.length && up;
      up = byCode.get(up.parentCode ?? '')
    ) {
      targets = ordered(tally(up));
      inferred = true;
    }
    const newCode =
      unit.level === 1 && targets.length
        ? newProvinceOf(targets[0]!)
        : unit.level === oldLowest
          ? (targets[0] ?? null)
          : null;
    moves.set(unit.code, { oldCode: unit.code, oldLevel: unit.level, newCode, targets, inferred });
  }
  return moves;
}

/** A lowest-level unit whose new ward had to be chosen among several, or guessed: an official should look. */
export function needsReview(move: UnitMove): boolean {
  return move.inferred || move.targets.length > 1;
}
