// CPU time spent while a benchmark runs: on a shared machine a rate moves with the load, the CPU
// each item costs much less.
import { readdir, readFile } from "node:fs/promises";

/** Linux reports a process's CPU time in clock ticks of 10 ms (`getconf CLK_TCK` is 100 on every common build). */
const MS_PER_TICK = 10;
const POLL_MS = 500;

export type CpuUsed = {
  /** This process, all its threads (the embedded database's too, when it is one). */
  processMs: number;
  /** The benchmark database's server processes on this machine; null when none could be read (another machine, no /proc). */
  databaseMs: number | null;
};

/** utime + stime of a process and its threads, in ms; null once it has exited (or without /proc). */
export async function processCpuMs(pid: string | number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // The command name, in brackets, may hold spaces: count fields after its closing bracket.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return null;
  }
}

/** The PostgreSQL backends serving `database` ("postgres: 15/main: user database host(port) state"). */
async function backendsOf(database: string): Promise<string[]> {
  const pids = (await readdir("/proc").catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
  const found: string[] = [];
  await Promise.all(
    pids.map(async (pid) => {
      const command = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
      if (command.startsWith("postgres:") && command.split(/\s+/).includes(database)) found.push(pid);
    }),
  );
  return found;
}

/**
 * Starts measuring. The database's backends are looked for every POLL_MS, since connections
 * open and close while the work runs; each counts from when it was first seen to when it was
 * last seen, so a backend's first half second and what one does after its last look are missed.
 */
export function measureCpu(database: string | null): { stop: () => Promise<CpuUsed> } {
  const started = process.cpuUsage();
  const backends = new Map<string, { first: number; last: number }>();
  let polls = 0;
  const poll = async () => {
    if (!database) return;
    for (const pid of await backendsOf(database)) {
      const ms = await processCpuMs(pid);
      if (ms === null) continue;
      const seen = backends.get(pid);
      if (seen) seen.last = ms;
      else backends.set(pid, { first: ms, last: ms });
    }
    polls++;
  };
  let polling = poll();
  const timer = setInterval(() => {
    polling = polling.then(poll);
  }, POLL_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      await polling.then(poll);
      const used = process.cpuUsage(started);
      let databaseMs = 0;
      for (const { first, last } of backends.values()) databaseMs += last - first;
      return { processMs: (used.user + used.system) / 1000, databaseMs: database && polls > 0 && backends.size > 0 ? databaseMs : null };
    },
  };
}
