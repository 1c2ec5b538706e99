import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU ticks used so far by each PostgreSQL backend serving `database` on this machine (their process titles
 * name it), from /proc; empty when the server is elsewhere. Background writers are not counted.
 */
function serverCpuTicks(database: string): Map<string, number> {
  const ticks = new Map<string, number>();
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(database)) continue;
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        ticks.set(pid, Number(fields[11] ?? 0) + Number(fields[12] ?? 0)); // utime, stime (fields 14 and 15 of stat)
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    // no /proc: not Linux
  }
  return ticks;
}

/** Starts measuring the CPU of `database`'s backends; the function returned gives the seconds used since. */
export function serverCpu(database: string): () => number {
  const before = serverCpuTicks(database);
  return () => {
    let ticks = 0;
    // Backends that ended meanwhile (idle pool connections) used nothing worth counting.
    for (const [pid, now] of serverCpuTicks(database)) ticks += now - (before.get(pid) ?? 0);
    return ticks / 100; // USER_HZ
  };
}

