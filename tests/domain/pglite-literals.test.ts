import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db/db.js';
import { openPglite, sqlLiteral } from '../../src/server/db/pglite.js';
import { migratedPgliteTemplate } from '../support/database.js';

// Prepared statements on PGlite travel as EXECUTE with inlined literals: they must round-trip any value.
let db: Db;
beforeAll(async () => {
  // The run's migrated database when there is one (no initdb: ≈ 5 s of CPU less).
  db = await openPglite(undefined, { initialData: await migratedPgliteTemplate() });
});
afterAll(() => db.close());

const NASTY = [
  "O'Brien",
  "'); DROP TABLE users; --",
  'back\\slash \\x41 \\\\',
  'quote " and {brace, comma}',
  'Nguyễn Thị Hoà 🇻🇳',
  '',
  'NULL',
];

describe('values inlined into EXECUTE on PGlite', () => {
  it('round-trip strings, arrays, numbers, booleans, instants, bytes and nulls unchanged', async () => {
    const when = new Date('2026-11-24T03:04:05.678Z');
    const bytes = Buffer.from([0, 1, 0x27, 0x5c, 0xff]);
    const { rows } = await db.query<{
      s: string;
      a: string[];
      n: number;
      b: boolean;
      t: Date;
      y: Uint8Array;
      z: null;
      u: string[];
      ys: (Uint8Array | null)[];
    }>(
      'SELECT $1::text AS s, $2::text[] AS a, $3::int AS n, $4::boolean AS b, $5::timestamptz AS t, $6::bytea AS y, $7::text AS z, $8::uuid[] AS u, $9::bytea[] AS ys',
      [NASTY[1], NASTY, 42, true, when, bytes, null, ['6b3f8a56-7c1a-4b7e-9a40-2f1e3c7d5a11'], [bytes, null]],
      'literal_round_trip',
    );
    for (const s of NASTY) {
      const again = await db.query<{ s: string }>('SELECT $1::text AS s', [s], 'literal_one');
      expect(again.rows[0]!.s).toBe(s);
    }
    expect(rows[0]!.a).toEqual(NASTY);
    expect(rows[0]!.n).toBe(42);
    expect(rows[0]!.b).toBe(true);
    expect(rows[0]!.t.toISOString()).toBe(when.toISOString());
    expect(Buffer.from(rows[0]!.y)).toEqual(bytes);
    expect(rows[0]!.z).toBeNull();
    expect(rows[0]!.u).toEqual(['6b3f8a56-7c1a-4b7e-9a40-2f1e3c7d5a11']);
    expect(Buffer.from(rows[0]!.ys[0]!)).toEqual(bytes);
    expect(rows[0]!.ys[1]).toBeNull();
  });

  it('refuses values it cannot write safely', () => {
    expect(() => sqlLiteral({})).toThrow();
    expect(() => sqlLiteral(Number.NaN)).toThrow();
  });
});
