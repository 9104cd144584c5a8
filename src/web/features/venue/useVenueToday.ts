import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';

export interface VenueToday {
  date: string;
  capacity: number | null;
  inside: number;
  total: number;
  byChannel: Record<string, number>;
  items: {
    id: string;
    fullName: string;
    phone: string;
    channel: string;
    checkedInAt: string;
    checkedOutAt: string | null;
    flagged: boolean;
  }[];
}

/** How often the manager's page refreshes today's list (polling keeps app nodes stateless). */
export const REFRESH_MS = 5000;

export function useVenueToday(venueId: number) {
  const [today, setToday] = useState<VenueToday | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      api<VenueToday>('GET', `/api/venues/${venueId}/today`).then(
        (data) => live && setToday(data),
        () => undefined,
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [venueId]);
  return today;
}
