/**
 * Load measurement for the storefront benchmark: autocannon against one URL
 * for a fixed time, with exact latency percentiles (autocannon reports p97.5,
 * not p95, so each response time is kept), and the "limit" server: the same
 * HTML bytes served from memory by a bare node:http server in its own process.
 */
import autocannon from "autocannon";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { cpuPerUnit, readCpu } from "./cpu";

/**
 * The Node flags `npm start` and `npm run serve` give the store (package.json), so a benchmark
 * measures the store as it runs. A 32 MB young generation (Node's default is 16 MB per
 * semi-space): a rendered page allocates a few megabytes, and with the default most of the
 * server's CPU beyond the work itself went to scavenging them; with 32 MB a rendered product
 * page took about 12 ms of CPU instead of 13.5–15 (load.test.ts keeps the two lists the same).
 */
export const STORE_NODE_FLAGS = ["--max-semi-space-size=32"] as const;

/** The newest modification time under a folder (0 when it does not exist). */
function newestUnder(folder: string): number {
  if (!fs.existsSync(folder)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Builds the app when `buildDir` has no build or one older than the source it is made from, so a
 * benchmark never measures yesterday's pages.
 */
export function ensureCurrentBuild(buildDir: string, log: (message: string) => void) {
  const bundle = path.join(buildDir, "server/index.js");
  const builtAt = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  const sourceAt = Math.max(...["app", "search", "public", "package-lock.json", "vite.config.ts", "remix.config.js"].map((source) => (fs.existsSync(source) && fs.statSync(source).isFile() ? fs.statSync(source).mtimeMs : newestUnder(source))));
  if (builtAt > sourceAt) return;
  log(builtAt === 0 ? `no build in ${buildDir}/: running npm run build` : `the build in ${buildDir}/ is older than the source: running npm run build`);
  const build = spawnSync("npm", ["run", "build"], { stdio: ["ignore", process.stderr, process.stderr], env: { ...process.env, BUILD_DIR: buildDir } });
  if (build.status !== 0) throw new Error("npm run build failed");
}

export interface LoadResult {
  url: string;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
  /**
   * CPU milliseconds per request, by who spent them: the store, PostgreSQL, other processes this
   * bench started (the limit server), and autocannon in this process. Null where /proc is not.
   */
  cpuMsPerRequest: ReturnType<typeof cpuPerUnit>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)] * 100) / 100;
}

export async function measure(url: string, options: { connections: number; durationSeconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const latencies: number[] = [];
  let bytes = 0;
  const cpuBefore = readCpu();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: options.connections, duration: options.durationSeconds, timeout: 10, headers: options.headers },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, resBytes, responseTime) => {
      latencies.push(responseTime);
      bytes += resBytes;
    });
  });
  const cpuAfter = readCpu();
  latencies.sort((a, b) => a - b);
  return {
    url,
    requestsPerSecond: Math.round((result.requests.total / options.durationSeconds) * 10) / 10,
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? 0,
    },
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: latencies.length ? Math.round(bytes / latencies.length) : 0,
    cpuMsPerRequest: cpuPerUnit(cpuBefore, cpuAfter, result.requests.total),
  };
}

/** A short unmeasured run: JIT, connection pools and PostgreSQL's caches warm up first. */
export async function warmUp(url: string, seconds = 3, headers?: Record<string, string>) {
  await autocannon({ url, connections: 8, duration: seconds, headers });
}

// The limit server's whole program: reads the page once from stdin, then answers every request with it.
const limitServerSource = `
const http = require("node:http");
const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", () => {
  const body = Buffer.concat(chunks);
  const headers = { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length };
  http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); })
    .listen(Number(process.env.LIMIT_PORT), "127.0.0.1", () => process.stdout.write("ready\\n"));
});`;

export async function startLimitServer(html: Buffer, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ["-e", limitServerSource], {
    env: { ...process.env, LIMIT_PORT: String(port) },
    stdio: ["pipe", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`The limit server exited (${code}); is port ${port} free?`)));
    child.stdout!.once("data", () => resolve());
    child.stdin!.end(html);
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => stopChild(child),
  };
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}
