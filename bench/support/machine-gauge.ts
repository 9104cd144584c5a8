/**
 * How fast this machine is right now, so that figures taken on different days can be compared: the
 * same fixed work (hashing, JSON, a sort) on one core, the median of five timings. On a shared VM
 * it varied twofold from one evening to the next (2026-12-03); a figure is only comparable with one
 * taken at a similar gauge.
 */
import { createHash } from 'node:crypto';

const ROWS = Array.from({ length: 2_000 }, (_, i) => ({
  id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
  fullName: `Nguyễn Văn ${i}`,
  at: 1_796_000_000_000 + i * 60_000,
}));

function fixedWork(): number {
  let n = 0;
  for (let round = 0; round < 20; round++) {
    const text = JSON.stringify(ROWS);
    n += (JSON.parse(text) as unknown[]).length;
    n += createHash('sha256').update(text).digest()[0]!;
    n += [...ROWS].sort((a, b) => b.at - a.at || a.id.localeCompare(b.id)).length;
  }
  return n;
}

/** Milliseconds the fixed work takes now (lower is faster). */
export function machineGauge(): number {
  fixedWork();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    fixedWork();
    times.push(performance.now() - t0);
  }
  return Math.round(times.sort((a, b) => a - b)[2]!);
}
