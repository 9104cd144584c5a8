/**
 * HyperLogLog sketches of the people seen in a unit (F9): unique people over a long range is the
 * estimate of the union of the day sketches, not a count of millions of keys. Standard error
 * 1.04 / √4096 ≈ 1.6 %. A person key is a 64-bit hash; its low SKETCH_BITS bits pick the register,
 * the next 51 bits give the rank (position of the first 1-bit, 52 when none), as the SQL function
 * `people_sketch_rank` does (migrations/0005_people_sketches.sql).
 *
 * The estimate is Otmar Ertl's improved raw estimator ("New cardinality estimation algorithms for
 * HyperLogLog sketches", 2017): unbiased from a handful of people to billions, without bias tables.
 */

export const SKETCH_BITS = 12;
export const SKETCH_REGISTERS = 1 << SKETCH_BITS;
/** Bits of the key after the register index that the rank looks at. */
const RANK_BITS = 64 - SKETCH_BITS - 1;

export type Sketch = Uint8Array;

export const emptySketch = (): Sketch => new Uint8Array(SKETCH_REGISTERS);

/** Register index and rank of a signed 64-bit person key. */
export function registerOf(key: bigint): { index: number; rank: number } {
  const index = Number(BigInt.asUintN(SKETCH_BITS, key));
  const rest = BigInt.asUintN(RANK_BITS, key >> BigInt(SKETCH_BITS));
  const bitLength = rest === 0n ? 0 : rest.toString(2).length;
  return { index, rank: RANK_BITS + 1 - bitLength };
}

export function addKey(sketch: Sketch, key: bigint): void {
  const { index, rank } = registerOf(key);
  if (rank > sketch[index]!) sketch[index] = rank;
}

/** Raises `sketch` to hold every register of `other` (the union of the two sets). */
export function mergeInto(sketch: Sketch, other: Uint8Array): void {
  const own = wordsOf(sketch);
  if (!own) {
    for (let i = 0; i < SKETCH_REGISTERS; i++) if (other[i]! > sketch[i]!) sketch[i] = other[i]!;
    return;
  }
  const theirs = wordsOf(other) ?? new Uint32Array(other.slice(0, SKETCH_REGISTERS).buffer);
  for (let i = 0; i < own.length; i++) own[i] = largerBytes(own[i]!, theirs[i]!);
}

/** The registers as 32-bit words (four at a time), when the bytes sit on a word boundary. */
const wordsOf = (registers: Uint8Array) =>
  registers.byteOffset % 4 === 0
    ? new Uint32Array(registers.buffer, registers.byteOffset, SKETCH_REGISTERS / 4)
    : null;

/**
 * The larger of each of the four bytes of `a` and `b`, without a branch. A rank is at most 52, so no
 * byte has its high bit set: (a | 0x80) − b, byte by byte, keeps its high bit exactly where a ≥ b and
 * never borrows from the next byte; that bit, spread over its byte, chooses a or b.
 */
function largerBytes(a: number, b: number): number {
  const aWins = ((((a | 0x80808080) - b) & 0x80808080) >>> 7) * 0xff;
  return ((a & aWins) | (b & ~aWins)) >>> 0;
}

/** The union of the sketches given for each code (several rows may share a code). */
export function unionByCode(rows: Iterable<{ code: string; registers: Uint8Array }>): Map<string, Sketch> {
  const byCode = new Map<string, Sketch>();
  for (const { code, registers } of rows) {
    const sketch = byCode.get(code) ?? emptySketch();
    mergeInto(sketch, registers);
    byCode.set(code, sketch);
  }
  return byCode;
}

/** Sets registers from parallel lists of indexes and ranks (as SQL hands them), keeping the larger rank. */
export function addRegisters(sketch: Sketch, indexes: readonly number[], ranks: readonly number[]): void {
  indexes.forEach((index, i) => {
    if (ranks[i]! > sketch[index]!) sketch[index] = ranks[i]!;
  });
}

/** Estimated number of distinct keys added to the sketch, rounded. */
export function estimate(sketch: Sketch): number {
  const m = SKETCH_REGISTERS;
  const counts = new Array<number>(RANK_BITS + 2).fill(0);
  for (let i = 0; i < m; i++) counts[sketch[i]!]! += 1;
  if (counts[0] === m) return 0;
  let z = m * tau(1 - counts[RANK_BITS + 1]! / m);
  for (let k = RANK_BITS; k >= 1; k--) z = 0.5 * (z + counts[k]!);
  z += m * sigma(counts[0]! / m);
  return Math.round((m * m) / (2 * Math.LN2 * z));
}

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  for (;;) {
    x *= x;
    const before = z;
    z += x * y;
    y += y;
    if (z === before) return z;
  }
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  for (;;) {
    x = Math.sqrt(x);
    const before = z;
    y *= 0.5;
    z -= (1 - x) ** 2 * y;
    if (z === before) return z / 3;
  }
}
