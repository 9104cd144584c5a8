/** Reviewing the tracing audit (F12): the national admin sees all, an official the entries touching their area. */
import { listAudit } from '../db/queries/audit.js';
import type { Actor } from '../domain/access.js';
import { addDays, localDate, resolveRange, startOfLocalDay } from '../domain/local-day.js';
import { AppError } from '../errors.js';
import { MAX_RANGE_DAYS } from '../../shared/contracts.js';
import { unitFor } from './access.js';
import type { ServiceContext } from './context.js';

/** Most entries answered at once. */
const AUDIT_PAGE = 1000;

export async function auditEntries(
  ctx: ServiceContext,
  actor: Actor | null,
  query: { from?: string; to?: string },
) {
  const unit = await unitFor(ctx.db, actor, ctx.config.adminUnitsVersion, undefined, 'read_audit');
  const today = localDate(ctx.now(), ctx.config.timeZone);
  const range = resolveRange(
    { from: query.from ?? (query.to ? undefined : addDays(today, -29)), to: query.to },
    today,
    MAX_RANGE_DAYS,
  );
  if ('problem' in range) throw new AppError('invalid_date_range', [{ path: 'from', code: range.problem }]);
  const rows = await listAudit(
    ctx.db,
    unit.path.length ? unit.code : null,
    startOfLocalDay(range.from, ctx.config.timeZone),
    startOfLocalDay(addDays(range.to, 1), ctx.config.timeZone),
    AUDIT_PAGE,
  );
  return { from: range.from, to: range.to, items: rows };
}
