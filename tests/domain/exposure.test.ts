import { describe, expect, it } from 'vitest';
import {
  exposures,
  overlapMinutes,
  presence,
  unionLength,
  type Stay,
} from '../../src/server/domain/exposure.js';

const T0 = Date.parse('2026-11-20T02:00:00Z'); // 09:00 in Hà Nội
const min = (n: number) => n * 60_000;
const MARGIN = min(30);

function stay(
  personKey: string,
  startMin: number,
  endMin: number | null,
  venueId = 1,
  stayMinutes = 240,
): Stay {
  return {
    venueId,
    personKey,
    checkedInAt: T0 + min(startMin),
    checkedOutAt: endMin === null ? null : T0 + min(endMin),
    stayMinutes,
  };
}

const minutesOf = (list: ReturnType<typeof exposures>) =>
  Object.fromEntries(list.map((e) => [`${e.personKey}@${e.venueId}`, e.overlapSeconds / 60]));

describe('presence', () => {
  it('runs from check-in to check-out', () => {
    expect(presence(stay('a', 0, 45))).toEqual({ start: T0, end: T0 + min(45) });
  });

  it('ends at the recorded default stay when nobody checked out', () => {
    expect(presence(stay('a', 0, null, 1, 240))).toEqual({ start: T0, end: T0 + min(240) });
  });

  it('clamps a stay left open for days to one day', () => {
    expect(presence(stay('a', 0, 3 * 24 * 60))).toEqual({ start: T0, end: T0 + min(24 * 60) });
  });

  it('treats a check-out before the check-in as an empty stay', () => {
    expect(presence(stay('a', 10, 5))).toEqual({ start: T0 + min(10), end: T0 + min(10) });
  });
});

describe('unionLength', () => {
  it('counts overlapping parts once and separate parts each', () => {
    expect(
      unionLength([
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 20, end: 25 },
      ]),
    ).toBe(20);
    expect(unionLength([])).toBe(0);
  });
});

describe('exposures', () => {
  it('finds a person who was there at the same time, with the shared minutes', () => {
    const found = exposures([stay('f0', 0, 60)], [stay('b', 30, 120)], 0);
    expect(minutesOf(found)).toEqual({ 'b@1': 30 });
  });

  it('widens the case window by the margin on both sides', () => {
    // b arrived 20 minutes after the case left: exposed for 10 minutes of the 30-minute margin.
    expect(minutesOf(exposures([stay('f0', 0, 60)], [stay('b', 80, 200)], MARGIN))).toEqual({ 'b@1': 10 });
    // c left 10 minutes before the case came.
    expect(minutesOf(exposures([stay('f0', 60, 120)], [stay('c', 0, 50)], MARGIN))).toEqual({ 'c@1': 20 });
  });

  it('does not count windows that only touch', () => {
    expect(exposures([stay('f0', 0, 60)], [stay('b', 60, 120)], 0)).toEqual([]);
    expect(exposures([stay('f0', 0, 60)], [stay('b', 90, 120)], MARGIN)).toEqual([]);
  });

  it('uses the default stay for a missing check-out, on either side', () => {
    expect(minutesOf(exposures([stay('f0', 0, null, 1, 60)], [stay('b', 50, null, 1, 240)], 0))).toEqual({
      'b@1': 10,
    });
  });

  it('clamps multi-day stays before measuring', () => {
    // The case never checked out properly (3 days): only the first 24 h count.
    const found = exposures(
      [stay('f0', 0, 3 * 24 * 60)],
      [stay('b', 23 * 60, 23 * 60 + 120), stay('c', 25 * 60, 26 * 60)],
      0,
    );
    expect(minutesOf(found)).toEqual({ 'b@1': 60 });
  });

  it('never lists the case as their own contact, and keeps other venues apart', () => {
    const found = exposures([stay('f0', 0, 60, 1)], [stay('f0', 0, 60, 1), stay('b', 0, 60, 2)], MARGIN);
    expect(found).toEqual([]);
  });

  it('counts a person seen twice at the venue once per instant, summed over separate stays', () => {
    // The case came twice (09:00–10:00 and 14:00–15:00); b stayed all day and also checked in twice.
    const caseStays = [stay('f0', 0, 60), stay('f0', 300, 360)];
    const b = [stay('b', 0, 60), stay('b', 30, 90), stay('b', 300, 330)];
    expect(minutesOf(exposures(caseStays, b, 0))).toEqual({ 'b@1': 90 });
  });

  it('does not double count two case visits that overlap each other', () => {
    const caseStays = [stay('f0', 0, 60), stay('f0', 30, 90)];
    expect(minutesOf(exposures(caseStays, [stay('b', 0, 120)], 0))).toEqual({ 'b@1': 90 });
  });

  it('lists one entry per person and venue, by venue then longest first', () => {
    const caseStays = [stay('f0', 0, 60, 1), stay('f0', 120, 180, 2)];
    const others = [stay('short', 50, 70, 1), stay('long', 0, 60, 1), stay('there', 130, 140, 2)];
    expect(exposures(caseStays, others, 0).map((e) => [e.venueId, e.personKey])).toEqual([
      [1, 'long'],
      [1, 'short'],
      [2, 'there'],
    ]);
  });
});

describe('overlapMinutes', () => {
  it('rounds to whole minutes, never 0 for a contact', () => {
    expect(overlapMinutes(29)).toBe(1);
    expect(overlapMinutes(90)).toBe(2);
    expect(overlapMinutes(3600)).toBe(60);
  });
});
