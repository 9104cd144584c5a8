/**
 * The check-in page's two calls: check a person in (a retry after a dropped connection reuses the
 * pending clientId, so it counts once) and check a group out. Both remember what the device needs.
 */
import type { CheckInAnswer, checkInsApi } from '../../shared/api/check-ins.js';
import { newClientId, send } from '../api/client.js';
import {
  clearPending,
  pendingClientId,
  rememberCheckIn,
  rememberCheckOut,
  type DevicePerson,
} from '../device/store.js';

export async function checkInPerson(venueCode: string, person: DevicePerson): Promise<CheckInAnswer> {
  const pendingKey = `${venueCode}:${person.key}`;
  const answer = await send<typeof checkInsApi.citizen>(
    { method: 'POST', path: '/api/check-ins' },
    {
      body: {
        venueCode,
        clientId: pendingClientId(pendingKey, newClientId),
        channel: person.me ? 'qr_self' : 'on_behalf',
        person: {
          fullName: person.fullName,
          phone: person.phone,
          ...(person.birthYear ? { birthYear: person.birthYear } : {}),
        },
      },
    },
  );
  clearPending(pendingKey);
  rememberCheckIn({
    id: answer.id,
    checkoutToken: answer.checkoutToken,
    venueName: answer.venue.name,
    checkedInAt: answer.checkedInAt,
    venueCode,
    fullName: answer.person.fullName,
  });
  return answer;
}

/** Checks out every check-in of a group; answers the time of the last one. */
export async function checkOutAll(
  answers: readonly Pick<CheckInAnswer, 'id' | 'checkoutToken'>[],
): Promise<string> {
  let checkedOutAt = '';
  for (const answer of answers) {
    const res = await send<typeof checkInsApi.checkOut>(
      { method: 'POST', path: '/api/check-ins/:id/check-out' },
      { params: { id: answer.id }, body: { checkoutToken: answer.checkoutToken } },
    );
    checkedOutAt = res.checkedOutAt;
  }
  rememberCheckOut(
    answers.map((a) => a.id),
    checkedOutAt,
  );
  return checkedOutAt;
}
