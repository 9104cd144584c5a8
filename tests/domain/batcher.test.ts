/** The batching behind check-ins and scans (services/batcher.ts): what goes out together, and when. */
import { describe, expect, it } from 'vitest';
import { Batcher } from '../../src/server/services/batcher.js';

/** A batcher whose batches wait until the test lets them come back; it notes every batch sent. */
function heldBatcher(maxInFlight?: number) {
  const sent: number[][] = [];
  const out: (() => void)[] = [];
  const batcher = new Batcher<number, number>(
    (items) => {
      sent.push(items);
      return new Promise((resolve) => out.push(() => resolve(items.map((i) => i * 10))));
    },
    64,
    undefined,
    maxInFlight,
  );
  const turn = () => new Promise((r) => setImmediate(r));
  return { batcher, sent, comeBack: () => out.shift()!(), turn };
}

describe('Batcher', () => {
  it('sends the items of one turn together, and each its own answer', async () => {
    const { batcher, sent, comeBack, turn } = heldBatcher();
    const answers = Promise.all([1, 2, 3].map((i) => batcher.run(i)));
    await turn();
    expect(sent).toEqual([[1, 2, 3]]);
    comeBack();
    expect(await answers).toEqual([10, 20, 30]);
  });

  it('without a limit, sends the next turn’s items while a batch is out', async () => {
    const { batcher, sent, comeBack, turn } = heldBatcher();
    const first = batcher.run(1);
    await turn();
    const second = batcher.run(2);
    await turn();
    expect(sent).toEqual([[1], [2]]);
    comeBack();
    comeBack();
    expect([await first, await second]).toEqual([10, 20]);
  });

  it('with one batch in flight, keeps what arrives meanwhile and sends it together when the batch comes back', async () => {
    const { batcher, sent, comeBack, turn } = heldBatcher(1);
    const first = batcher.run(1);
    await turn();
    const later = [2, 3, 4].map((i) => batcher.run(i));
    await turn();
    const last = batcher.run(5);
    await turn();
    expect(sent).toEqual([[1]]);
    comeBack();
    expect(await first).toBe(10);
    await turn();
    expect(sent).toEqual([[1], [2, 3, 4, 5]]);
    comeBack();
    expect(await Promise.all([...later, last])).toEqual([20, 30, 40, 50]);
  });

  it('with one batch in flight, goes on once a failed batch comes back', async () => {
    let calls = 0;
    const batcher = new Batcher<number, number>(
      async (items) => {
        calls += 1;
        if (calls === 1) throw new Error('database unavailable');
        return items;
      },
      64,
      undefined,
      1,
    );
    await expect(batcher.run(1)).rejects.toThrow('database unavailable');
    expect(await batcher.run(2)).toBe(2);
  });
});
