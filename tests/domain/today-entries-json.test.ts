/**
 * The door's list is written as JSON text into UTF-8 bytes (`writeTodayEntries`, `JsonBytes`), not by
 * JSON.stringify: it must be the very JSON that JSON.stringify would write, for any number of entries.
 */
import { describe, expect, it } from 'vitest';
import {
  newestFirst,
  writeTodayEntries,
  type TodayEntriesRead,
} from '../../src/server/db/queries/venue-today.js';
import { isoInstant } from '../../src/server/domain/instant.js';
import { JsonBytes } from '../../src/server/domain/json-bytes.js';
import { maskPhone } from '../../src/shared/phone.js';

const AT = Date.UTC(2026, 11, 4, 1, 2, 3, 456);
const NAMES = ['Nguyễn Thị Ánh', 'Lê "Tí" \\ Bé\tÚt', 'Trần Văn 😀', 'Ông\u2028Bà'];

function read(count: number): TodayEntriesRead {
  if (count === 0) return { entries: [null, null, null, null, null, null, null], names: null };
  const each = <T>(f: (i: number) => T) => Array.from({ length: count }, (_, i) => f(i));
  return {
    entries: [
      each((i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
      each((i) => `09${String(10_000_000 + i)}`),
      each((i) => (i % 2 ? 'qr_self' : 'paper')),
      each((i) => AT - i * 60_000),
      each((i) => (i % 3 ? null : AT + i * 1000)),
      each((i) => i % 5 === 0),
      each((i) => (i % 4 ? 'green' : null)),
    ],
    names: each((i) => `${NAMES[i % NAMES.length]} ${i}`),
  };
}

const written = (entries: TodayEntriesRead, hint?: number) => {
  const out = new JsonBytes(hint).write('{"items":');
  writeTodayEntries(out, entries, maskPhone, 200);
  return out.write('}').toBuffer().toString('utf8');
};

describe('writing the door list as JSON bytes', () => {
  it.each([0, 1, 15, 16, 17, 32, 200])('writes %i entries as JSON.stringify would', (count) => {
    const { entries, names } = read(count);
    const expected =
      entries[0] === null
        ? []
        : entries[0].map((id, i) => ({
            id,
            fullName: names![i],
            phone: maskPhone(entries[1]![i]!),
            channel: entries[2]![i],
            checkedInAt: isoInstant(entries[3]![i]!),
            checkedOutAt: entries[4]![i] === null ? null : isoInstant(entries[4]![i]!),
            flagged: entries[5]![i],
            statusColour: entries[6]![i],
          }));
    expect(written(read(count))).toBe(JSON.stringify({ items: expected }));
  });

  it('writes equal instants by id and stops at the limit, ties read past it included', () => {
    const at = [9, 9, 9, 7, 5, 5, 5];
    const ids = ['c', 'a', 'b', 'x', 'f', 'd', 'e'];
    expect(newestFirst(at, ids, 10).map((i) => ids[i])).toEqual(['a', 'b', 'c', 'x', 'd', 'e', 'f']);
    // The database gives every row tied with the 5th; the list keeps the 5 first by id.
    expect(newestFirst(at, ids, 5).map((i) => ids[i])).toEqual(['a', 'b', 'c', 'x', 'd']);
    expect(newestFirst([], [], 5)).toEqual([]);
    const { entries, names } = read(3);
    const tied: TodayEntriesRead = {
      entries: [entries[0]!.slice().reverse(), ...entries.slice(1).map((c) => c!.slice())] as never,
      names,
    };
    (tied.entries[3] as number[]).fill(AT);
    const listed = JSON.parse(written(tied)).items.map((e: { id: string }) => e.id);
    expect(listed).toEqual([...entries[0]!].sort());
  });

  it('grows its buffer when the text outgrows the size guessed', () => {
    const big = read(200);
    expect(written(big, 8)).toBe(written(big));
    expect(Buffer.byteLength(written(big))).toBeGreaterThan(16 * 1024);
  });
});
