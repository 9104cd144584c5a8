import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dumpEntries } from '../../src/server/db/pglite-dump.js';
import { openPglite } from '../../src/server/db/pglite.js';
import { migratedPgliteTemplate } from '../support/database.js';

const digestOf = async (dump: Blob) =>
  createHash('sha256')
    .update(
      Buffer.concat(
        (await dumpEntries(dump)).map((e) => Buffer.concat([Buffer.from(e.path), e.data ?? Buffer.alloc(0)])),
      ),
    )
    .digest('hex');

// Each in-memory database started from a dump works on a copy of its bytes (src/server/db/pglite-dump.ts).
describe('databases started from one dump', () => {
  it('are apart from each other and leave the dump as it was', async () => {
    const dump = (await migratedPgliteTemplate())!;
    expect(dump).toBeDefined();
    const before = await digestOf(dump);
    const first = await openPglite(undefined, { initialData: dump });
    const unitsAtStart = (await first.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_units'))
      .rows[0]!.n;
    expect(unitsAtStart).toBeGreaterThan(1000);
    // Writes that change pages of the template's files in place, and a table that grows a new file.
    await first.exec(`UPDATE admin_units SET name = name || ' (sửa)';
                      CREATE TABLE scratch AS SELECT g AS n, repeat('x', 200) AS pad FROM generate_series(1, 20000) g;
                      CHECKPOINT;`);
    const second = await openPglite(undefined, { initialData: dump });
    const renamed = "SELECT count(*)::int AS n FROM admin_units WHERE name LIKE '% (sửa)'";
    expect((await second.query<{ n: number }>(renamed)).rows[0]!.n).toBe(0);
    await expect(second.query('SELECT 1 FROM scratch')).rejects.toThrow(/scratch/);
    expect((await first.query<{ n: number }>(renamed)).rows[0]!.n).toBe(unitsAtStart);
    await Promise.all([first.close(), second.close()]);
    expect(await digestOf(dump)).toBe(before);
  });
});
