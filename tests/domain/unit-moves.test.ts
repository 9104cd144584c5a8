import { describe, expect, it } from 'vitest';
import { needsReview, planUnitMoves } from '../../src/server/domain/unit-moves.js';

// Old list: province 91 > district 899 > communes A, B, C; province 89 > district 883 > commune D.
const OLD = [
  { code: '91', parentCode: null, level: 1 },
  { code: '899', parentCode: '91', level: 2 },
  { code: 'A', parentCode: '899', level: 3 },
  { code: 'B', parentCode: '899', level: 3 },
  { code: 'C', parentCode: '899', level: 3 },
  { code: '89', parentCode: null, level: 1 },
  { code: '883', parentCode: '89', level: 2 },
  { code: 'D', parentCode: '883', level: 3 },
];
// New list: province 91 (merged) > wards W1, W2. The new list reuses the code 91.
const NEW = [
  { code: '91', parentCode: null, level: 1 },
  { code: 'W1', parentCode: '91', level: 2 },
  { code: 'W2', parentCode: '91', level: 2 },
];
const MAPPING = [
  { fromCode: 'A', toCode: 'W1', rank: 1 },
  { fromCode: 'B', toCode: 'W2', rank: 1 },
  { fromCode: 'B', toCode: 'W1', rank: 2 },
  { fromCode: 'D', toCode: 'W2', rank: 1 },
];
const moves = planUnitMoves(OLD, NEW, MAPPING);

describe('where the units of an older list go', () => {
  it('takes a commune to its mapped ward, and a split commune to its first match, with the others as candidates', () => {
    expect(moves.get('A')).toMatchObject({ newCode: 'W1', targets: ['W1'], inferred: false });
    expect(moves.get('B')).toMatchObject({ newCode: 'W2', targets: ['W2', 'W1'] });
    expect(needsReview(moves.get('A')!)).toBe(false);
    expect(needsReview(moves.get('B')!)).toBe(true);
  });

  it('takes a commune the mapping does not name to where its district went, marked as inferred', () => {
    expect(moves.get('C')).toMatchObject({ newCode: 'W1', inferred: true });
    expect(moves.get('C')!.targets.sort()).toEqual(['W1', 'W2']);
    expect(needsReview(moves.get('C')!)).toBe(true);
  });

  it('takes both merged provinces to the new province, whatever their old codes', () => {
    expect(moves.get('91')!.newCode).toBe('91');
    expect(moves.get('89')!.newCode).toBe('91');
  });

  it('gives a district no counterpart, only the wards its communes went to, most communes first', () => {
    // A → W1, B → W2 (and W1 second): W1 has two communes, W2 one.
    expect(moves.get('899')).toMatchObject({ newCode: null, targets: ['W1', 'W2'] });
    expect(moves.get('883')).toMatchObject({ newCode: null, targets: ['W2'] });
  });
});
