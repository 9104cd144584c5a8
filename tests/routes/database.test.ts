import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the database interface', () => {
  it('bulk-loads rows with COPY, keeping tabs, newlines, backslashes, unicode and nulls', async () => {
    await t.ctx.db.exec('CREATE TABLE copy_probe (id int, note text, at timestamptz)');
    const at = new Date('2026-11-24T01:02:03.004Z');
    const rows = [
      [1, 'tab\there', at],
      [2, 'line\nbreak \\ back', null],
      [3, null, at],
      [4, 'Phường Bến Thành', at],
    ];
    await t.ctx.db.copyRows('copy_probe', ['id', 'note', 'at'], rows);
    const { rows: back } = await t.ctx.db.query<{ id: number; note: string | null; at: Date | null }>(
      'SELECT * FROM copy_probe ORDER BY id',
    );
    expect(back.map((r) => [r.id, r.note, r.at?.toISOString() ?? null])).toEqual(
      rows.map(([id, note, when]) => [id, note, (when as Date | null)?.toISOString() ?? null]),
    );
  });

  it('rolls a transaction back when its work throws', async () => {
    await t.ctx.db.exec('CREATE TABLE tx_probe (id int)');
    await expect(
      t.ctx.db.tx(async (q) => {
        await q.query('INSERT INTO tx_probe VALUES (1)');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await t.ctx.db.query('SELECT * FROM tx_probe')).rows).toEqual([]);
  });

  it('runs a transaction with generic plans when asked (PostgreSQL), and only that transaction', async () => {
    const mode = async (q: { query: typeof t.ctx.db.query }) =>
      (await q.query<{ mode: string }>("SELECT current_setting('plan_cache_mode') AS mode")).rows[0]!.mode;
    const inside = await t.ctx.db.tx((q) => mode(q), { genericPlans: true });
    // The embedded database runs its statements unnamed inside transactions: it leaves the setting alone.
    expect(inside).toBe(t.ctx.db.kind === 'postgres' ? 'force_generic_plan' : 'auto');
    // Whichever connection ran it, the setting ended with the transaction, failed ones too.
    await expect(
      t.ctx.db.tx(async () => Promise.reject(new Error('boom')), { genericPlans: true }),
    ).rejects.toThrow('boom');
    const after = await Promise.all(Array.from({ length: 12 }, () => t.ctx.db.tx((q) => mode(q))));
    expect(new Set([...after, await mode(t.ctx.db)])).toEqual(new Set(['auto']));
  });
});
