/**
 * Staff card-scan throughput (F7): each venue's manager session posts POST /api/venues/:id/check-ins
 * with the QR of one of BENCH_PEOPLE people's cards: session look-up, card signature check, card and
 * declaration read, colour rules, and the check-in write.   npm run bench:staff-scan -- pglite | postgres
 */
import { randomUUID } from 'node:crypto';
import { reportServerMemory } from '../support/memory.js';
import { benchServer, MANAGER_PASSWORD, measure, registerVenues, settings } from '../support/load.js';

const target = process.argv[2] ?? 'pglite';
const NO = {
  fever: false,
  cough: false,
  breathlessness: false,
  pneumonia: false,
  soreThroat: false,
  fatigue: false,
};

// Every venue's manager logs in from this one address before the run: more than the default 20 a minute.
const server = await benchServer(target, { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });
try {
  const venues = await registerVenues(server.baseUrl, settings.venues);
  const sessions: string[] = [];
  for (const venue of venues) {
    const res = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: venue.phone, password: MANAGER_PASSWORD }),
    });
    sessions.push(res.headers.get('set-cookie')!.split(';')[0]!);
  }
  const cards: string[] = [];
  for (let i = 0; i < settings.people; i++) {
    const res = await fetch(`${server.baseUrl}/api/declarations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: randomUUID(),
        person: { fullName: `Người ${i}`, phone: `07${String(i).padStart(8, '0')}` },
        symptoms: { ...NO, cough: i % 10 === 0 },
        exposure: { confirmedCase: false, fromAffectedArea: false, symptomaticPerson: false },
        pledge: true,
      }),
    });
    cards.push(((await res.json()) as { card: { qr: string } }).card.qr);
  }
  let n = 0;
  await measure(`staff-scan ${target}`, `${server.baseUrl}/api/venues/${venues[0]!.id}/check-ins`, (req) => {
    n += 1;
    const v = n % venues.length;
    return {
      ...req,
      path: `/api/venues/${venues[v]!.id}/check-ins`,
      headers: { ...req.headers, cookie: sessions[v]! },
      body: JSON.stringify({
        clientId: randomUUID(),
        channel: 'qr_staff',
        cardQr: cards[n % settings.people],
      }),
    };
  });
  reportServerMemory(`staff-scan ${target}`, server);
} finally {
  await server.stop();
}
