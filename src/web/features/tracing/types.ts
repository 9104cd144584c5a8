/** The answer of POST /api/tracing/queries as the tracing page reads it. */
export interface TracingAnswer {
  subject: { fullName: string; phone: string } | null;
  from: string;
  to: string;
  marginMinutes: number;
  visits: {
    checkInId: string;
    venueId: number;
    venueName: string;
    checkedInAt: string;
    checkedOutAt: string | null;
  }[];
  contacts: {
    person: { fullName: string; phone: string };
    venueId: number;
    venueName: string;
    overlapMinutes: number;
    level: 1 | 2;
    firstContactAt: string;
  }[];
  notified: number;
}
