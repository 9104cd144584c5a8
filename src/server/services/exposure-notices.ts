/**
 * What people exposed to a case receive (F13): a notice on each of their check-ins, shown on the
 * device that holds it, and one text per phone, queued in the tracing transaction.
 */
import type { Queryable } from '../db/db.js';
import type * as notices from '../db/queries/notices.js';
import { provincesOfVenues } from '../db/queries/notices.js';
import type * as tracing from '../db/queries/tracing.js';
import { localDate, vietnameseDate } from '../domain/local-day.js';
import { textsFor } from '../texts/index.js';
import type { ServiceContext } from './context.js';
import { hotlineOf } from './history.js';
import { queueSms } from './sms.js';

/** A notice on every check-in of each person found, with the exposure window at their venue. */
export function noticesFor(
  people: readonly tracing.ContactRow[],
  kind: notices.NewNotice['kind'],
  windowAt: (venueId: number) => { from: Date; to: Date },
): notices.NewNotice[] {
  return people.flatMap((p) =>
    p.checkIns.map((ci) => ({
      checkInId: ci.id,
      checkedInAt: new Date(ci.at),
      kind,
      venueId: p.venueId,
      exposureFrom: windowAt(p.venueId).from,
      exposureTo: windowAt(p.venueId).to,
    })),
  );
}

export async function textPeople(
  ctx: ServiceContext,
  q: Queryable,
  /** `firstAt`: when the shared time began, in ms. */
  people: readonly { phone: string; venueId: number; venueName: string; firstAt: number }[],
  purpose: string,
) {
  // One text per phone; queued with the notices, sent after the transaction commits. People checked
  // in by their chip ID card have no phone (''): the tracer's list is how they are reached.
  const firstPerPhone = new Map<string, (typeof people)[number]>();
  for (const p of people) if (p.phone && !firstPerPhone.has(p.phone)) firstPerPhone.set(p.phone, p);
  const provinces = await provincesOfVenues(q, [
    ...new Set([...firstPerPhone.values()].map((p) => p.venueId)),
  ]);
  const texts = [...firstPerPhone.values()].map((p) => ({
    phone: p.phone,
    body: textsFor('vi').sms.contactNotice(
      p.venueName,
      vietnameseDate(localDate(new Date(p.firstAt), ctx.config.timeZone)),
      hotlineOf(ctx.config, provinces.get(Number(p.venueId))),
    ),
    purpose,
  }));
  await queueSms(q, texts, ctx.now());
}
