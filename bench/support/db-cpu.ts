/**
 * CPU time the local PostgreSQL server spends (every `postgres` process on this machine, from /proc):
 * read before and after a load run, it gives the database CPU per request. Linux only; a run against
 * the embedded database (inside the app process) reports none.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export function postgresCpuSeconds(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (name !== 'postgres') continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      /* the process ended meanwhile */
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/** Runs `load` and reports the database CPU it cost per request, in milliseconds. */
export async function withDbCpu<T extends { allRuns: number }>(load: () => Promise<T>) {
  const before = postgresCpuSeconds();
  const figures = await load();
  const spent = postgresCpuSeconds() - before;
  const perRequest = figures.allRuns > 0 ? (spent * 1000) / figures.allRuns : 0;
  console.log(`  database CPU: ${spent.toFixed(1)} s, ${perRequest.toFixed(2)} ms per request`);
  return { ...figures, dbCpuMs: perRequest };
}
