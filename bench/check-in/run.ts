/**
 * Citizen self check-in throughput: POST /api/check-ins with unique clientIds, BENCH_PEOPLE people
 * cycling over BENCH_VENUES venues.   npm run bench:check-in -- pglite | postgres
 */
import { randomUUID } from 'node:crypto';
import { withDbCpu } from '../support/db-cpu.js';
import { reportServerMemory } from '../support/memory.js';
import { benchServer, measure, registerVenues, settings } from '../support/load.js';

const target = process.argv[2] ?? 'pglite';
const server = await benchServer(target);
try {
  const venues = await registerVenues(server.baseUrl, settings.venues);
  let n = 0;
  const load = () =>
    measure(`check-in ${target}`, `${server.baseUrl}/api/check-ins`, (req) => {
      n += 1;
      return {
        ...req,
        body: JSON.stringify({
          venueCode: venues[n % venues.length]!.code,
          clientId: randomUUID(),
          channel: 'qr_self',
          person: {
            fullName: `Người ${n % settings.people}`,
            phone: `07${String(n % settings.people).padStart(8, '0')}`,
          },
        }),
      };
    });
  await withDbCpu(load, server);
  reportServerMemory(`check-in ${target}`, server);
} finally {
  await server.stop();
}
