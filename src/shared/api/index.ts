/** Every endpoint of the API: the server registers exactly these (a test walks the route table). */
import { arrivalsApi } from './arrivals.js';
import { authApi } from './auth.js';
import { checkInsApi } from './check-ins.js';
import { complianceApi } from './compliance.js';
import { declarationsApi } from './declarations.js';
import type { Endpoint } from './endpoint.js';
import { publicVenuesApi } from './public-venues.js';
import { referenceApi } from './reference.js';
import { reportsApi } from './reports.js';
import { statsApi } from './stats.js';
import { tracingApi } from './tracing.js';
import { usersApi } from './users.js';
import { venuesApi } from './venues.js';

export const API: Record<string, Record<string, Endpoint>> = {
  arrivals: arrivalsApi,
  auth: authApi,
  checkIns: checkInsApi,
  compliance: complianceApi,
  declarations: declarationsApi,
  publicVenues: publicVenuesApi,
  reference: referenceApi,
  reports: reportsApi,
  stats: statsApi,
  tracing: tracingApi,
  users: usersApi,
  venues: venuesApi,
};

export const ALL_ENDPOINTS: Endpoint[] = Object.values(API).flatMap((group) => Object.values(group));
