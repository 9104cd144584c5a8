/**
 * On PostgreSQL the per-address limits are counted by all nodes together in windows of the clock's
 * minutes (services/rate-counters.ts): a test that needs a burst counted in one window starts it with
 * at least `needMs` left in the current minute, waiting for the next one otherwise. (The embedded
 * database runs one node, whose counters are its own: no wait there.)
 */
export async function startInsideOneMinute(needMs: number) {
  if (!process.env.TEST_DATABASE_URL) return;
  const left = 60_000 - (Date.now() % 60_000);
  if (left < needMs) await new Promise((r) => setTimeout(r, left + 200));
}
