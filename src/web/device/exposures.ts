/**
 * The notices on a device's check-ins, one per exposure (F13): a family checked in together gets one
 * notice naming who was there, not one per check-in. Shown on /history and on the check-in page.
 */
import type { HistoryEntry } from '../../shared/api/tracing.js';

interface Exposure {
  kind: HistoryEntry['notices'][number]['kind'];
  venueName: string;
  /** Whom to call: the venue's province's health hotline. */
  hotline: string;
  from: string;
  to: string;
  names: string[];
}

/** The notices of the device's check-ins, one per exposure (kind, venue and window), with the names. */
export function exposuresOf(
  items: readonly HistoryEntry[],
  nameOf: (checkInId: string) => string | undefined,
): Exposure[] {
  const byExposure = new Map<string, Exposure>();
  for (const item of items)
    for (const n of item.notices) {
      const key = [n.kind, item.venueName, n.exposureFrom, n.exposureTo].join('|');
      const exposure = byExposure.get(key) ?? {
        kind: n.kind,
        venueName: item.venueName,
        hotline: item.hotline,
        from: n.exposureFrom,
        to: n.exposureTo,
        names: [],
      };
      const name = nameOf(item.id);
      if (name && !exposure.names.includes(name)) exposure.names.push(name);
      byExposure.set(key, exposure);
    }
  return [...byExposure.values()];
}

/** A hotline as a phone link: `1900 9095` → `tel:19009095`. */
export function telHref(hotline: string): string {
  return `tel:${hotline.replace(/[^0-9+]/g, '')}`;
}
