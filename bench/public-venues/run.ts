/**
 * bench/public-venues: the public venue list (F22), the page most people would open. Loads
 * BENCH_PUBLIC_VENUES venues (default 100,000) over every ward of the country, named as shops and
 * services are ("Quán phở Minh Tâm", "Nhà thuốc Phúc An"…), and BENCH_CHECK_INS check-ins (default 1 M,
 * for live occupancy); starts the real server on that database and loads GET /api/public/venues at
 * 50 connections with a typical mix: 40 % a name (with or without marks, a kind and a name or a name
 * alone), 30 % a province, 30 % a ward, half of these with a category, each drawn uniformly (see
 * `typical`: ≈ 40,000 distinct searches, so few repeat within a cache period; people's real searches
 * repeat far more). Twice: with the answer cache of the default configuration
 * (PUBLIC_LIST_CACHE_SECONDS=10), and with none (every request to the database); the database CPU per
 * request is reported. BENCH_BREAKDOWN=1 also times each kind alone. BENCH_REUSE_URL (with a database
 * kept by BENCH_KEEP=1) times again without loading.
 *
 *   bash bench/run.sh public-venues postgres      (or pglite)
 */
import { startServer, type RunningServer } from '../../tests/e2e/support/server.js';
import { loadCheckIns, openWorld, settle, uniformVisits } from '../support/bulk.js';
import { withDbCpu } from '../support/db-cpu.js';
import { measure, profileArgs } from '../support/load.js';
import { reportServerMemory } from '../support/memory.js';

const target = process.argv[2] ?? 'pglite';
const VENUES = Number(process.env.BENCH_PUBLIC_VENUES ?? 100_000);
const CHECK_INS = Number(process.env.BENCH_CHECK_INS ?? 1_000_000);
const CATEGORIES = ['restaurant', 'office', 'market'];
const KINDS = [
  'Quán phở',
  'Cửa hàng',
  'Nhà hàng',
  'Công ty',
  'Chợ',
  'Trường',
  'Tạp hoá',
  'Cà phê',
  'Nhà thuốc',
  'Siêu thị',
  'Quán bún',
  'Tiệm vàng',
  'Karaoke',
  'Phòng khám',
  'Nhà sách',
  'Khách sạn',
  'Bánh mì',
  'Tiệm tóc',
  'Gara',
  'Văn phòng',
];
const WORDS = [
  'An',
  'Bình',
  'Châu',
  'Đức',
  'Hải',
  'Hòa',
  'Hưng',
  'Khánh',
  'Kim',
  'Lan',
  'Long',
  'Minh',
  'Nam',
  'Ngọc',
  'Phú',
  'Phúc',
  'Quang',
  'Sơn',
  'Tâm',
  'Thành',
  'Thịnh',
  'Tiến',
  'Trung',
  'Việt',
  'Xuân',
];
const nameOf = (i: number) =>
  `${KINDS[i % KINDS.length]} ${WORDS[Math.floor(i / KINDS.length) % WORDS.length]} ${WORDS[Math.floor(i / KINDS.length / WORDS.length) % WORDS.length]}`;
const withoutMarks = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

const world = await openWorld(target, VENUES, nameOf);
if (!world.reused) await loadCheckIns(world, CHECK_INS, uniformVisits(world, 300_000));
const { rows: units } = await world.db.query<{ code: string; level: number }>(
  `SELECT code, level FROM admin_units WHERE version = $1 ORDER BY code`,
  [world.config.adminUnitsVersion],
);
await settle(world);
await world.ctx.db.close();
const provinces = units.filter((u) => u.level === 1).map((u) => u.code);
const wards = units.filter((u) => u.level > 1).map((u) => u.code);

const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
const typical = () => {
  const r = Math.random();
  const category = Math.random() < 0.5 ? `&category=${pick(CATEGORIES)}` : '';
  if (r < 0.4) {
    const name =
      Math.random() < 0.5 ? `${pick(KINDS)} ${pick(WORDS)} ${pick(WORDS)}` : `${pick(WORDS)} ${pick(WORDS)}`;
    return `q=${encodeURIComponent(Math.random() < 0.5 ? name : withoutMarks(name))}`;
  }
  return `adminUnit=${pick(r < 0.7 ? provinces : wards)}${category}`;
};

async function run(cacheSeconds: number) {
  const server: RunningServer = await startServer(
    {
      LOG_LEVEL: 'error',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
      PUBLIC_LIST_CACHE_SECONDS: String(cacheSeconds),
      ADMIN_UNITS_VERSION: world.config.adminUnitsVersion,
      KEYS_DIR: world.config.keysDir!,
      ...(world.fresh.url ? { DATABASE_URL: world.fresh.url } : { DATA_DIR: world.config.dataDir }),
    },
    profileArgs(),
  );
  try {
    const sample = await fetch(`${server.baseUrl}/api/public/venues?q=pho%20minh`);
    const found = ((await sample.json()) as { items: unknown[] }).items.length;
    if (!sample.ok || found === 0) throw new Error(`sample request: ${sample.status}, ${found} venues`);
    if (process.env.BENCH_BREAKDOWN)
      for (const [label, query] of [
        ['name', () => `q=${encodeURIComponent(`${pick(KINDS)} ${pick(WORDS)} ${pick(WORDS)}`)}`],
        ['short name', () => `q=${encodeURIComponent(withoutMarks(`${pick(WORDS)} ${pick(WORDS)}`))}`],
        ['province', () => `adminUnit=${pick(provinces)}`],
        ['province+category', () => `adminUnit=${pick(provinces)}&category=${pick(CATEGORIES)}`],
        ['ward', () => `adminUnit=${pick(wards)}`],
      ] as const) {
        const t0 = performance.now();
        for (let i = 0; i < 100; i++) await fetch(`${server.baseUrl}/api/public/venues?${query()}`);
        console.log(`${label}: ${((performance.now() - t0) / 100).toFixed(1)} ms per request, one at a time`);
      }
    await withDbCpu(
      () =>
        measure(
          `public venues, ${target}, ${VENUES.toLocaleString()} venues, cache ${cacheSeconds} s`,
          `${server.baseUrl}/api/public/venues`,
          (req) => ({ ...req, path: `/api/public/venues?${typical()}` }),
          'GET',
        ),
      server,
    );
    reportServerMemory(`public venues, cache ${cacheSeconds} s`, server);
  } finally {
    await server.stop();
  }
}

try {
  await run(10);
  await run(0);
} finally {
  await world.fresh.drop();
}
