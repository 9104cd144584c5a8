/** Shapes of GET /api/stats and GET /api/stats/venues as the dashboard reads them. */
export interface CheckIns {
  total: number;
  electronic: number;
  paper: number;
  byChannel: Record<'qr_self' | 'qr_staff' | 'kiosk' | 'paper' | 'on_behalf', number>;
}

export interface Figures {
  venues: { registered: number; active: number; suspended: number };
  checkIns: CheckIns;
  uniquePeople: number;
  declarations: { total: number; flagged: number };
  cards: { issued: number; issuedToDate: number; population: number | null; issuanceRate: number | null };
}

export interface StatsReport extends Figures {
  adminUnit: string;
  adminUnitName: string;
  level: number;
  /** uniquePeople (here and in children) is an estimate (standard error 1.6 %). */
  uniquePeopleEstimated: boolean;
  from: string;
  to: string;
  children: (Figures & { code: string; name: string })[];
  categories: {
    code: string;
    name: string;
    venues: { registered: number; active: number };
    checkIns: CheckIns;
  }[];
  days: {
    date: string;
    activeVenues: number;
    checkIns: CheckIns;
    declarations: { total: number; flagged: number };
  }[];
}

export interface VenueRow {
  venueId: number;
  name: string;
  categoryName: string;
  status: 'active' | 'suspended';
  total: number;
  electronic: number;
  paper: number;
  lastCheckInAt: string | null;
}
