/**
 * (No vitest import: the cluster's global setup reads it too.) The national admin of journeys that
 * create accounts (started with useJourney(ADMIN_ENV)).
 */
export const E2E_ADMIN = { username: 'quantri', password: 'quan-tri-12345' };
export const ADMIN_ENV = { ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password };

/**
 * The settings of the one server the shared journeys use (SHARED_JOURNEYS in vitest.cluster.config.ts):
 * the journeys' admin and list, and the limits of many clients reaching it from one address.
 */
export const SHARED_SERVER_ENV = {
  ...ADMIN_ENV,
  // The journeys name 2021 units.
  ADMIN_UNITS_VERSION: 'vn-gso-2021',
  // Every test client reaches it from 127.0.0.1: one address for all of them.
  RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
  // Logins of all the journeys, from that one address, within a minute (20 by default: the journeys
  // reached it once the suite ran faster, and a login page answered 429).
  RATE_LIMIT_LOGIN_PER_MINUTE: '60',
  // Wrong-password tests: the wait imposed on a login under attack, short.
  LOGIN_DELAY_CAP_MS: '300',
};
