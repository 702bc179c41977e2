/**
 * CPU time spent by the processes a benchmark started, read from /proc (Linux; elsewhere every
 * reading is null). A rate says how fast; CPU milliseconds per request say what each request
 * costs and who pays it (the store, PostgreSQL, the load generator), which is what decides how
 * far a 2-core machine can go.
 */
import fs from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on

interface ProcessTimes {
  pid: number;
  parent: number;
  /** utime + stime of the process itself. */
  own: number;
  /** cutime + cstime: children it has waited for (a postmaster's finished backends). */
  reaped: number;
  command: string;
}

function readProcesses(): ProcessTimes[] | null {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const processes: ProcessTimes[] = [];
  for (const name of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      // The command in parentheses may hold spaces; the fields after it are plain.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      processes.push({
        pid: Number(name),
        parent: Number(fields[1]),
        own: Number(fields[11]) + Number(fields[12]),
        reaped: Number(fields[13]) + Number(fields[14]),
        command: fs.readFileSync(`/proc/${name}/cmdline`, "utf8").replaceAll("\0", " "),
      });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return processes;
}

/**
 * CPU milliseconds so far of each process tree under this one, keyed by what it is: "postgres"
 * (the embedded server and its backends), "store" (the store and anything it started) or
 * "other" (anything else this process started, such as the bare-node limit server).
 */
export function childTreesCpuMs(): { store: number; postgres: number; other: number } | null {
  const processes = readProcesses();
  if (!processes) return null;
  const children = new Map<number, ProcessTimes[]>();
  for (const entry of processes) {
    const siblings = children.get(entry.parent);
    if (siblings) siblings.push(entry);
    else children.set(entry.parent, [entry]);
  }
  const treeTicks = (root: ProcessTimes): number => root.own + root.reaped + (children.get(root.pid) ?? []).reduce((sum, child) => sum + treeTicks(child), 0);
  const totals = { store: 0, postgres: 0, other: 0 };
  const visit = (entry: ProcessTimes) => {
    const kind = /\bpostgres\b/.test(entry.command) ? "postgres" : entry.command.includes("app/server.ts") ? "store" : null;
    if (kind) totals[kind] += treeTicks(entry);
    else {
      // Not a tree of its own kind (npm, a shell): its own time is "other", its children are looked at.
      totals.other += entry.own + entry.reaped;
      for (const child of children.get(entry.pid) ?? []) visit(child);
    }
  };
  for (const child of children.get(process.pid) ?? []) visit(child);
  const ms = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;
  return { store: ms(totals.store), postgres: ms(totals.postgres), other: ms(totals.other) };
}

/** This process's own CPU milliseconds so far (the load generator, when it runs in-process). */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** CPU milliseconds per unit of work between two readings, by who spent them. */
export function cpuPerUnit(before: CpuReading, after: CpuReading, units: number) {
  const per = (from: number | null, to: number | null) => (from === null || to === null || units === 0 ? null : Math.round(((to - from) / units) * 100) / 100);
  return {
    store: per(before.store, after.store),
    postgres: per(before.postgres, after.postgres),
    other: per(before.other, after.other),
    loadGenerator: per(before.loadGenerator, after.loadGenerator),
  };
}

export interface CpuReading {
  store: number | null;
  postgres: number | null;
  other: number | null;
  loadGenerator: number;
}

export function readCpu(): CpuReading {
  const trees = childTreesCpuMs();
  return { store: trees?.store ?? null, postgres: trees?.postgres ?? null, other: trees?.other ?? null, loadGenerator: ownCpuMs() };
}
