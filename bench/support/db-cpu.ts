/**
 * CPU time the local PostgreSQL server spends (every `postgres` process on this machine, from /proc):
 * read before and after a load run, it gives the database CPU per request. Linux only; a run against
 * the embedded database (inside the app process) reports none.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** A process's command name and the fields of /proc/<pid>/stat after it (the 3rd field is [0]). */
function statOf(pid: string) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  return {
    name,
    fields: stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number),
  };
}

/** CPU seconds (user + system) of the processes whose command name passes `wanted`. */
function cpuSecondsOf(wanted: (pid: string, name: string) => boolean): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const { name, fields } = statOf(pid);
      if (!wanted(pid, name)) continue;
      ticks += fields[11]! + fields[12]!; // utime + stime
    } catch {
      /* the process ended meanwhile */
    }
  }
  return ticks / TICKS_PER_SECOND;
}

export const postgresCpuSeconds = () => cpuSecondsOf((_, name) => name === 'postgres');

/** CPU seconds of this process and of its children that ended (a wrk run, once waited for). */
function loadGeneratorCpuSeconds(): number {
  const { fields } = statOf('self');
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6 + (fields[13]! + fields[14]!) / TICKS_PER_SECOND; // + cutime + cstime
}

/**
 * Runs `load` and reports the CPU it cost per request, in milliseconds: the database's, and when the
 * server's process is known, the app's and the load generator's (this process, or the wrk it ran) beside it.
 */
export async function withDbCpu<T extends { allRuns: number }>(
  load: () => Promise<T>,
  server?: { pid?: number },
) {
  const appCpu = () => (server?.pid ? cpuSecondsOf((pid) => pid === String(server.pid)) : 0);
  const before = { db: postgresCpuSeconds(), app: appCpu(), loader: loadGeneratorCpuSeconds() };
  const figures = await load();
  const spent = postgresCpuSeconds() - before.db;
  const perRequest = (seconds: number) => (figures.allRuns > 0 ? (seconds * 1000) / figures.allRuns : 0);
  console.log(`  database CPU: ${spent.toFixed(1)} s, ${perRequest(spent).toFixed(2)} ms per request`);
  if (server?.pid) {
    const app = appCpu() - before.app;
    const loader = loadGeneratorCpuSeconds() - before.loader;
    console.log(
      `  app CPU: ${app.toFixed(1)} s, ${perRequest(app).toFixed(2)} ms per request; ` +
        `load generator ${perRequest(loader).toFixed(2)} ms per request`,
    );
  }
  return { ...figures, dbCpuMs: perRequest(spent) };
}
