/**
 * What a check-in costs PostgreSQL alone, without HTTP or the app around it: the CPU of every
 * `postgres` process per check-in while the check-in writer (services/check-in-writer.ts, the same
 * batched statement the server runs) writes batches of 1, 12 (the mean batch under the HTTP benchmark's
 * 50 connections) and 48 check-ins, one batch after the other; then, for reference, the same rows
 * written by a bare INSERT into `check_ins` (the row and its indexes, nothing else: no retry record,
 * no closing of the previous stay, no daily counts, no count of the people inside).
 *
 * Issue 18 asks ≥ 5,000 check-ins a second on this 2-core machine with the load generator on the same
 * cores, i.e. app + database ≤ 0.3 ms a check-in: this prints how much of that the database alone takes.
 *
 *   npm run bench:check-in-database      (BENCH_PEOPLE, BENCH_VENUES, BENCH_CHECK_INS)
 */
import { randomUUID } from 'node:crypto';
import { postgresCpuSeconds } from '../support/db-cpu.js';
import { openWorld } from '../support/bulk.js';
import { uuidv7 } from '../../src/server/ids.js';
import { personColumns } from '../../src/server/services/people.js';
import type { NewCheckIn } from '../../src/server/db/queries/record-check-ins.js';

const target = process.argv[2] ?? 'postgres';
if (target !== 'postgres')
  throw new Error('the database cost is measured on PostgreSQL (its processes’ CPU)');
const VENUES = Number(process.env.BENCH_VENUES ?? 100);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2000);
/** Check-ins written per batch size (each size writes about as many rows, so they compare). */
const CHECK_INS_PER_SIZE = Number(process.env.BENCH_CHECK_INS ?? 4800);
const SIZES = [1, 12, 48];
const ROUNDS = 3;

const world = await openWorld(target, VENUES);
try {
  const { ctx, db } = world;
  const { rows: entrances } = await db.query<{ public_id: string; id: number; venue_id: number }>(
    'SELECT public_id, id::int, venue_id::int FROM venue_entrances ORDER BY id LIMIT $1',
    [VENUES],
  );
  let n = 0;
  /** Person n % PEOPLE at venue n % VENUES, as the HTTP benchmark: each stay closes that person's last one. */
  const nextCheckIn = (): NewCheckIn => {
    n += 1;
    const person = n % PEOPLE;
    return {
      id: uuidv7(),
      clientId: randomUUID(),
      entrancePublicId: entrances[n % entrances.length]!.public_id,
      checkedInAt: new Date(),
      defaultStayMinutes: ctx.config.defaultStayMinutes,
      channel: 'qr_self',
      person: personColumns(
        { fullName: `Người ${person}`, phone: `07${String(person).padStart(8, '0')}` },
        ctx.keys.sealer,
      ),
      flagged: false,
      statusColour: null,
      cardId: null,
      declarationId: null,
      recordedByUserId: null,
    };
  };
  const entranceOf = new Map(entrances.map((e) => [e.public_id, e]));
  const bareInsert = async (rows: NewCheckIn[]) => {
    await db.query(
      `INSERT INTO check_ins (id, venue_id, entrance_id, checked_in_at, stay_minutes, channel, person_phone, person_full_name, person_name_key, flagged)
       SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::timestamptz[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::boolean[])`,
      [
        rows.map((r) => r.id),
        rows.map((r) => entranceOf.get(r.entrancePublicId)!.venue_id),
        rows.map((r) => entranceOf.get(r.entrancePublicId)!.id),
        rows.map((r) => r.checkedInAt),
        rows.map((r) => r.defaultStayMinutes),
        rows.map((r) => r.channel),
        rows.map((r) => r.person.phone),
        rows.map((r) => r.person.fullName),
        rows.map((r) => r.person.nameKey),
        rows.map(() => false),
      ],
      'bench_bare_check_in_insert',
    );
  };
  const asServed = async (rows: NewCheckIn[]) => {
    // In one turn of the event loop, as concurrent requests: the writer sends them as one batch.
    const outcomes = await Promise.all(rows.map((r) => ctx.checkInWriter.run(r)));
    if (outcomes.some((o) => !o?.inserted)) throw new Error('a check-in was not written');
  };
  /** Database CPU (ms) and wall time (ms) per check-in, writing CHECK_INS_PER_SIZE in batches of `size`. */
  const measure = async (size: number, write: (rows: NewCheckIn[]) => Promise<void>) => {
    const cpu0 = postgresCpuSeconds();
    const t0 = performance.now();
    const batches = Math.ceil(CHECK_INS_PER_SIZE / size);
    for (let b = 0; b < batches; b++) await write(Array.from({ length: size }, nextCheckIn));
    const written = batches * size;
    return {
      cpu: ((postgresCpuSeconds() - cpu0) * 1000) / written,
      wall: (performance.now() - t0) / written,
    };
  };
  // Every person's first stay (nothing to close yet) and the statements' plans, untimed.
  for (let i = 0; i < PEOPLE; i += 48) await asServed(Array.from({ length: 48 }, nextCheckIn));

  const results = new Map<string, { cpu: number; wall: number }[]>();
  for (let round = 0; round < ROUNDS; round++)
    for (const size of SIZES)
      for (const [name, write] of [
        ['as served', asServed],
        ['bare INSERT', bareInsert],
      ] as const) {
        const label = `${name}, batches of ${size}`;
        results.set(label, [...(results.get(label) ?? []), await measure(size, write)]);
      }
  const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `database CPU per check-in (all postgres processes, WAL writer included; ${ROUNDS} rounds of ${CHECK_INS_PER_SIZE} check-ins per line, median [rounds]):`,
  );
  for (const [label, runs] of results) {
    const cpu = runs.map((r) => r.cpu);
    console.log(
      `  ${label.padEnd(28)} ${median(cpu).toFixed(3)} ms CPU [${cpu.map((x) => x.toFixed(3)).join(' / ')}], ${median(runs.map((r) => r.wall)).toFixed(3)} ms wall`,
    );
  }
  const served12 = median(results.get('as served, batches of 12')!.map((r) => r.cpu));
  console.log(
    `  at 12 a batch the database alone allows ${Math.round(2000 / served12).toLocaleString()} check-ins/s on 2 whole cores, ${Math.round(1000 / served12).toLocaleString()}/s on one`,
  );
} finally {
  await world.ctx.db.close();
  await world.fresh.drop();
}
