/**
 * Check-in write throughput: registers venues, then drives POST /api/check-ins with unique clientIds
 * and people for BENCH_SECONDS at BENCH_CONNECTIONS, BENCH_RUNS times; prints each run and the median.
 *   npm run bench:check-in -- pglite | postgres
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { startServer } from '../../tests/e2e/support/server.js';

const target = process.argv[2] ?? 'pglite';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const venueCount = Number(process.env.BENCH_VENUES ?? 100);
const runs = Number(process.env.BENCH_RUNS ?? 3);

if (target === 'postgres' && !process.env.TEST_DATABASE_URL) {
  console.error('postgres: run through scripts/with-postgres.sh (npm run bench:check-in -- postgres does this)');
  process.exit(2);
}
if (target === 'pglite') delete process.env.TEST_DATABASE_URL;

const server = await startServer({ RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000', LOG_LEVEL: 'error' });
try {
  const codes: string[] = [];
  for (let i = 0; i < venueCount; i++) {
    const res = await fetch(`${server.baseUrl}/api/venues`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.${i >> 8}.${i & 255}` },
      body: JSON.stringify({
        name: `Địa điểm ${i}`,
        category: 'market',
        adminUnitCode: '00001',
        address: `${i} Phố Huế`,
        contactName: 'Bench',
        contactPhone: `09${String(10_000_000 + i).padStart(8, '0')}`,
        managerPassword: 'bench-password',
      }),
    });
    if (res.status !== 201) throw new Error(`venue ${i}: ${res.status} ${await res.text()}`);
    codes.push(((await res.json()) as { code: string }).code);
  }

  let n = 0;
  const results: { rps: number; p50: number; p99: number; errors: number; non2xx: number; total: number }[] = [];
  for (let run = 1; run <= runs; run++) {
    const result = await autocannon({
      url: `${server.baseUrl}/api/check-ins`,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => {
            n += 1;
            return {
              ...req,
              body: JSON.stringify({
                venueCode: codes[n % codes.length],
                clientId: randomUUID(),
                channel: 'qr_self',
                person: { fullName: `Người ${n}`, phone: `08${String(n % 100_000_000).padStart(8, '0')}` },
              }),
            };
          },
        },
      ],
    });
    const row = {
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      total: result.requests.total,
    };
    results.push(row);
    console.log(`run ${run}: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, errors ${row.errors}, non-2xx ${row.non2xx}, total ${row.total}`);
  }
  const median = [...results].sort((a, b) => a.rps - b.rps)[Math.floor(results.length / 2)]!;
  console.log(
    `check-in ${target}: median ${median.rps} req/s, p50 ${median.p50} ms, p99 ${median.p99} ms, errors ${median.errors}, non-2xx ${median.non2xx} ` +
      `(${runs} runs × ${seconds} s, ${connections} connections, ${venueCount} venues)`,
  );
} finally {
  await server.stop();
}
