/**
 * The memory of a server process, from /proc (Linux): its peak resident set since it started (VmHWM)
 * and its resident set now (VmRSS), printed after a load so that growth shows between runs. On PGlite
 * the embedded database lives in the same process and is counted with it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    return line ? Number(line.split(/\s+/)[1]) : null;
  } catch {
    return null;
  }
}

/** Prints the server's peak and current RSS in MB; nothing when its process is not known here. */
export function reportServerMemory(label: string, server: { pid?: number }) {
  if (!server.pid) return;
  const peak = statusKb(server.pid, 'VmHWM');
  const now = statusKb(server.pid, 'VmRSS');
  if (peak === null || now === null) return;
  console.log(
    `  ${label}: server peak RSS ${(peak / 1024).toFixed(0)} MB, now ${(now / 1024).toFixed(0)} MB`,
  );
}

/**
 * Starts a new peak for a process (Linux ≥ 4.0: writing 5 to clear_refs resets VmHWM to the current
 * resident set), e.g. after a bulk load, so the peak printed later is that of the requests alone.
 */
export function resetPeakMemory(pid: number) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // An older kernel or no right to: the peak then includes what came before.
  }
}
