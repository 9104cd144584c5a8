/** (No vitest import: the cluster's global setup reads it too.) The national admin of journeys that create accounts (started with useJourney(ADMIN_ENV)). */
export const E2E_ADMIN = { username: 'quantri', password: 'quan-tri-12345' };
export const ADMIN_ENV = { ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password };
