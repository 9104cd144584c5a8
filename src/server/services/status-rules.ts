/** Status-colour rules (F18): national defaults, overridden per province by its officials. */
import * as rulesTable from '../db/queries/status-rules.js';
import type { Queryable } from '../db/db.js';
import { DEFAULT_STATUS_RULES, type StatusRules } from '../domain/status.js';
import type { Actor } from '../domain/access.js';
import { AppError } from '../errors.js';
import { StatusRulesPatch } from '../../shared/api/declarations.js';
import type { z } from 'zod';
import { requireActor } from './access.js';
import { adminUnitPath } from '../db/queries/admin-units.js';
import type { ServiceContext } from './context.js';

export const NATIONAL_SCOPE = 'VN';

/** The rules in force for a person or venue in `provinceCode` (national when null). */
export async function rulesFor(q: Queryable, provinceCode: string | null): Promise<StatusRules> {
  const scopes = provinceCode ? [NATIONAL_SCOPE, provinceCode] : [NATIONAL_SCOPE];
  const stored = await rulesTable.findRules(q, scopes);
  return mergeRules(stored.get(NATIONAL_SCOPE), provinceCode ? stored.get(provinceCode) : undefined);
}

/** Defaults, overridden by the stored national rules, overridden by the province's. */
export function mergeRules(national: unknown, province: unknown): StatusRules {
  const parse = (stored: unknown) => StatusRulesPatch.safeParse(stored ?? {}).data ?? {};
  return { ...DEFAULT_STATUS_RULES, ...parse(national), ...parse(province) };
}

function mayConfigure(actor: Actor, scope: string): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'official' && actor.adminUnitCode === scope;
}

/** The admin reads every province's rules; an official the national ones and their own province's. */
export async function getRules(ctx: ServiceContext, caller: Actor | null, scope: string) {
  const actor = requireActor(caller);
  if (actor.role !== 'admin' && actor.role !== 'official') throw new AppError('forbidden');
  if (actor.role === 'official' && scope !== NATIONAL_SCOPE) {
    const home = actor.adminUnitCode
      ? await adminUnitPath(ctx.db, ctx.config.adminUnitsVersion, actor.adminUnitCode)
      : [];
    if (home[0] !== scope) throw new AppError('forbidden');
  }
  return rulesFor(ctx.db, scope === NATIONAL_SCOPE ? null : scope);
}

export async function setRules(
  ctx: ServiceContext,
  caller: Actor | null,
  scope: string,
  patch: z.infer<typeof StatusRulesPatch>,
) {
  const actor = requireActor(caller);
  if (!mayConfigure(actor, scope)) throw new AppError('forbidden');
  await rulesTable.upsertRules(ctx.db, scope, patch, actor.userId);
  return rulesFor(ctx.db, scope === NATIONAL_SCOPE ? null : scope);
}
