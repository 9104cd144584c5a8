/**
 * The HyperLogLog sketch behind unique people over long ranges: registers and ranks follow the
 * documented rule, unions are exact unions of the registers, and the estimate stays within a few
 * standard errors (1.6 %) from a handful of people to a million.
 */
import { describe, expect, it } from 'vitest';
import {
  addKey,
  emptySketch,
  estimate,
  mergeInto,
  registerOf,
  SKETCH_REGISTERS,
  unionByCode,
} from '../../src/server/domain/people-sketch.js';
import { rng } from '../support/random.js';

/** The highest rank a register can hold (51 bits after the index, 52 when all are 0). */
const RANK_LIMIT = 52;

/** Random signed 64-bit keys, like hashtextextended's. */
function keys(count: number, seed: number): bigint[] {
  const next = rng(seed);
  return Array.from({ length: count }, () =>
    BigInt.asIntN(64, (BigInt(Math.floor(next() * 2 ** 32)) << 32n) | BigInt(Math.floor(next() * 2 ** 32))),
  );
}

function sketchOf(list: readonly bigint[]) {
  const s = emptySketch();
  for (const k of list) addKey(s, k);
  return s;
}

describe('people sketch', () => {
  it('takes the register from the low 12 bits and the rank from the first 1-bit after them', () => {
    expect(registerOf(0x1005n)).toEqual({ index: 5, rank: 51 }); // bit 12 set: the last of the 51
    expect(registerOf(0xfffn)).toEqual({ index: 4095, rank: 52 }); // nothing above the index
    expect(registerOf(1n << 62n)).toEqual({ index: 0, rank: 1 }); // the highest bit looked at
    expect(registerOf(-1n)).toEqual({ index: 4095, rank: 1 }); // the sign bit is ignored, bit 62 is set
    expect(registerOf(1n << 63n).rank).toBe(52); // only the sign bit: no 1 among the 51 bits
  });

  it('estimates nothing as zero and small sets almost exactly', () => {
    expect(estimate(emptySketch())).toBe(0);
    for (const n of [1, 2, 10]) expect(estimate(sketchOf(keys(n, n)))).toBe(n);
    expect(Math.abs(estimate(sketchOf(keys(100, 100))) - 100)).toBeLessThanOrEqual(2);
    expect(Math.abs(estimate(sketchOf(keys(1000, 7))) - 1000)).toBeLessThanOrEqual(10);
  });

  it('stays within four standard errors from thousands to a million', () => {
    for (const n of [5_000, 20_000, 100_000, 1_000_000]) {
      const error = Math.abs(estimate(sketchOf(keys(n, n + 1))) - n) / n;
      expect(error, `${n} people`).toBeLessThan(4 * (1.04 / Math.sqrt(SKETCH_REGISTERS)));
    }
  });

  it('counts people seen on several days once: the union of sketches is the sketch of the union', () => {
    const monday = keys(30_000, 1);
    const tuesday = [...monday.slice(0, 20_000), ...keys(10_000, 2)];
    const union = sketchOf(monday);
    mergeInto(union, sketchOf(tuesday));
    expect(union).toEqual(sketchOf([...monday, ...tuesday]));
    expect(Math.abs(estimate(union) - 40_000) / 40_000).toBeLessThan(0.064);
  });

  it('merges four registers at a time exactly as register by register, aligned or not', () => {
    const next = rng(11);
    const randomRegisters = () =>
      Uint8Array.from({ length: SKETCH_REGISTERS }, () => Math.floor(next() * (RANK_LIMIT + 1)));
    for (let run = 0; run < 50; run++) {
      const [a, b] = [randomRegisters(), randomRegisters()];
      const expected = a.map((x, i) => Math.max(x, b[i]!));
      // `b` read from inside a larger buffer at an odd offset, as a database driver may hand it.
      const unaligned = new Uint8Array(SKETCH_REGISTERS + 3).fill(99);
      unaligned.set(b, 1);
      const merged = Uint8Array.from(a);
      mergeInto(merged, run % 2 ? unaligned.subarray(1, SKETCH_REGISTERS + 1) : b);
      expect(merged).toEqual(expected);
    }
  });

  it('unites the sketches given for each code, rows of one code into one sketch', () => {
    const [a, b, c] = [keys(300, 7), keys(300, 8), keys(300, 9)];
    const united = unionByCode([
      { code: '91', registers: sketchOf(a) },
      { code: '86', registers: sketchOf(c) },
      { code: '91', registers: sketchOf(b) },
    ]);
    expect([...united.keys()].sort()).toEqual(['86', '91']);
    expect(united.get('91')).toEqual(sketchOf([...a, ...b]));
    expect(united.get('86')).toEqual(sketchOf(c));
  });
});
