/** The range of local days a request asks about, the same way for statistics, exports, tracing and audit. */
import { addDays, localDate, resolveRange, startOfLocalDay } from '../domain/local-day.js';
import { AppError } from '../errors.js';
import { MAX_RANGE_DAYS } from '../../shared/contracts.js';
import type { ServiceContext } from './context.js';

/** Today's local day in the region's time zone (TZ_REGION), by the app's clock. */
export const localToday = (ctx: Pick<ServiceContext, 'now' | 'config'>) =>
  localDate(ctx.now(), ctx.config.timeZone);

/**
 * `to` defaults to today; `from` to `to`, or, when neither end is given, to the start of the last
 * `defaultDays` days. A reversed or too long range is a 400. `start`–`end` are the instants that bound it.
 */
export function requestedDays(ctx: ServiceContext, query: { from?: string; to?: string }, defaultDays = 1) {
  const tz = ctx.config.timeZone;
  const today = localToday(ctx);
  const from = query.from ?? (query.to || defaultDays === 1 ? undefined : addDays(today, -(defaultDays - 1)));
  const range = resolveRange({ from, to: query.to }, today, MAX_RANGE_DAYS);
  if ('problem' in range) throw new AppError('invalid_date_range', [{ path: 'from', code: range.problem }]);
  return { ...range, start: startOfLocalDay(range.from, tz), end: startOfLocalDay(addDays(range.to, 1), tz) };
}
