import { useEffect, useState } from 'react';
import type { AnswerOf } from '../../../shared/api/endpoint.js';
import { TODAY_LIST_REFRESH_MS, venuesApi } from '../../../shared/api/venues.js';
import { call } from '../../api/client.js';

export type VenueToday = AnswerOf<typeof venuesApi.today>;

export function useVenueToday(venueId: number) {
  const [today, setToday] = useState<VenueToday | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      call(venuesApi.today, { params: { id: venueId } }).then(
        (data) => live && setToday(data),
        () => undefined,
      );
    void load();
    const timer = setInterval(load, TODAY_LIST_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [venueId]);
  return today;
}
