import { regionTimeZone } from '../../i18n/index.js';

/** Today in the region's calendar (TZ_REGION), for the date pickers. */
export function localToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: regionTimeZone(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export const percent = (rate: number | null) =>
  rate === null ? '—' : `${(rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
export const count = (n: number) => n.toLocaleString('vi-VN');
