/** Reviewing the tracing audit (F12): the national admin sees all, an official the entries touching their area. */
import { listAudit } from '../db/queries/audit.js';
import type { Actor } from '../domain/access.js';
import { unitFor } from './access.js';
import type { ServiceContext } from './context.js';
import { requestedDays } from './ranges.js';

/** Days shown when no range is asked for. */
const AUDIT_DEFAULT_DAYS = 30;
/** Most entries answered at once. */
const AUDIT_PAGE = 1000;

export async function auditEntries(
  ctx: ServiceContext,
  actor: Actor | null,
  query: { from?: string; to?: string },
) {
  const unit = await unitFor(ctx.db, actor, ctx.config.adminUnitsVersion, undefined, 'read_audit');
  const range = requestedDays(ctx, query, AUDIT_DEFAULT_DAYS);
  const rows = await listAudit(
    ctx.db,
    unit.path.length ? unit.code : null,
    range.start,
    range.end,
    AUDIT_PAGE,
  );
  return { from: range.from, to: range.to, items: rows };
}
