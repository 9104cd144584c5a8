/**
 * Which stored sketches cover a range: the longest aligned span that starts on each day, days without
 * a sketch left to the keys, every day of the range counted once; the job merges aligned spans from
 * their two stored halves, shortest first, never past LONGEST_SPAN.
 */
import { describe, expect, it } from 'vitest';
import { addDays, eachDay } from '../../src/server/domain/local-day.js';
import {
  coverRange,
  dayNumber,
  daysOf,
  LONGEST_SPAN,
  spansToBuild,
  type DaySpan,
} from '../../src/server/domain/sketch-spans.js';
import { rng } from '../support/random.js';

const days = (from: string, to: string): DaySpan[] =>
  eachDay(from, to).map((firstDay) => ({ firstDay, days: 1 }));

/** Every span the job would end up with over the days stored, merging until nothing is left to merge. */
function mergedAll(stored: DaySpan[]): DaySpan[] {
  const all = [...stored];
  for (let next = spansToBuild(all); next.length; next = spansToBuild(all))
    all.push(...next.map((n) => n.span));
  return all;
}

describe('sketch spans', () => {
  it('counts days from 2000-01-01, the grid spans are aligned on', () => {
    expect(dayNumber('2000-01-01')).toBe(0);
    expect(dayNumber('2026-11-16')).toBe(9816); // a multiple of 8: spans of 2, 4 and 8 days start there
  });

  it('covers 21 days with a handful of merged spans, today left to the keys', () => {
    const stored = mergedAll(days('2026-11-13', '2026-12-02'));
    const { spans, uncovered } = coverRange('2026-11-13', '2026-12-03', stored);
    expect(spans).toEqual([
      { firstDay: '2026-11-13', days: 1 },
      { firstDay: '2026-11-14', days: 2 },
      { firstDay: '2026-11-16', days: 8 },
      { firstDay: '2026-11-24', days: 8 },
      { firstDay: '2026-12-02', days: 1 },
    ]);
    expect(uncovered).toEqual(['2026-12-03']);
  });

  it('does not use a span that reaches outside the range', () => {
    const stored = mergedAll(days('2026-11-16', '2026-11-23'));
    expect(coverRange('2026-11-16', '2026-11-20', stored).spans).toEqual([
      { firstDay: '2026-11-16', days: 4 },
      { firstDay: '2026-11-20', days: 1 },
    ]);
  });

  it('leaves a forgotten day to the keys and uses the spans that do not contain it', () => {
    const stored = mergedAll(days('2026-11-16', '2026-11-23')).filter(
      (s) => !daysOf(s).includes('2026-11-18'),
    );
    expect(coverRange('2026-11-16', '2026-11-23', stored)).toEqual({
      spans: [
        { firstDay: '2026-11-16', days: 2 },
        { firstDay: '2026-11-19', days: 1 },
        { firstDay: '2026-11-20', days: 4 },
      ],
      uncovered: ['2026-11-18'],
    });
  });

  it('merges only aligned spans whose two halves are stored, shortest first', () => {
    expect(spansToBuild(days('2026-11-15', '2026-11-18')).map((n) => n.span)).toEqual([
      { firstDay: '2026-11-16', days: 2 },
    ]);
    const next = spansToBuild([...days('2026-11-16', '2026-11-19'), { firstDay: '2026-11-16', days: 2 }]);
    expect(next).toEqual([
      {
        span: { firstDay: '2026-11-18', days: 2 },
        halves: [
          { firstDay: '2026-11-18', days: 1 },
          { firstDay: '2026-11-19', days: 1 },
        ],
      },
    ]);
  });

  it(`never merges past ${LONGEST_SPAN} days`, () => {
    const stored = mergedAll(days('2026-01-01', '2026-12-31'));
    expect(Math.max(...stored.map((s) => s.days))).toBe(LONGEST_SPAN);
    for (const s of stored) expect(dayNumber(s.firstDay) % s.days).toBe(0);
  });

  it('covers every day of any range exactly once, with about 2·log2(n) sketches at most', () => {
    const next = rng(18);
    const stored = mergedAll(days('2026-01-01', '2026-12-31').filter(() => next() > 0.03));
    for (let i = 0; i < 300; i++) {
      const from = addDays('2026-01-01', Math.floor(next() * 300));
      const to = addDays(from, Math.floor(next() * 60));
      const { spans, uncovered } = coverRange(from, to, stored);
      const covered = [...spans.flatMap(daysOf), ...uncovered].sort();
      expect(covered).toEqual(eachDay(from, to));
      const n = eachDay(from, to).length;
      if (!uncovered.length) expect(spans.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n + 1)));
    }
  });
});
