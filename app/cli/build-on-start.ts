/**
 * `npm start` builds the app in a child process while the server brings the database up
 * (initialise, migrate, seed), so on a two-core machine the first start takes the longer of the
 * two rather than their sum. The build's long listing of files is kept back and shown only if
 * the build fails; the server waits for it just before it loads the build.
 */
import { spawn } from "node:child_process";
import path from "node:path";

let building: Promise<void> | null = null;

/** Starts the build once (app/start.ts does so before anything else loads); later callers share it. */
export function buildAppInBackground(): Promise<void> {
  building ??= build();
  return building;
}

function build(): Promise<void> {
  const started = Date.now();
  const remix = path.join(process.cwd(), "node_modules", ".bin", process.platform === "win32" ? "remix.cmd" : "remix");
  return new Promise((resolve, reject) => {
    const child = spawn(remix, ["vite:build"], { stdio: ["ignore", "pipe", "pipe"] });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    // A server that stops early (a bad setting, Ctrl-C) takes its build with it.
    const stop = () => child.kill();
    process.once("exit", stop);
    child.on("error", reject);
    child.on("close", (code) => {
      process.off("exit", stop);
      if (code === 0) {
        console.log(`Built the app in ${((Date.now() - started) / 1000).toFixed(1)}s`);
        resolve();
      } else {
        reject(new Error(`Building the app failed (exit code ${code}):\n${Buffer.concat(output).toString("utf8")}`));
      }
    });
  });
}
