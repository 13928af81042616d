// CPU time used by a process and its descendants, from /proc (Linux). The load benchmark uses it
// to say where the time went: the app server, PostgreSQL, or the benchmark's own clients.
import fs from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime of the process itself, in seconds. */
  cpu: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may contain spaces: fields start after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { pid, ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** Seconds of CPU used so far by `root` and every live descendant; null where /proc is missing. */
export function treeCpuSeconds(root: number): number | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  const all = fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((s): s is ProcStat => s !== null);
  const children = new Map<number, ProcStat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const self = all.find((s) => s.pid === root);
  if (!self) return null;
  let total = 0;
  const stack = [self];
  while (stack.length) {
    const s = stack.pop()!;
    total += s.cpu;
    stack.push(...(children.get(s.pid) ?? []));
  }
  return total;
}

/** The postmaster's pid of a PostgreSQL data directory (first line of postmaster.pid), or null. */
export function postmasterPid(pgDataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(`${pgDataDir}/postmaster.pid`, "utf8").split("\n")[0]);
    return Number.isInteger(pid) ? pid : null;
  } catch {
    return null;
  }
}
