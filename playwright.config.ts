/**
 * Browser journeys against the production build, served by the real server on
 * its own embedded PostgreSQL (wiped before each run, so every run starts from
 * the demo catalog). Chromium is the system one when installed (Debian's
 * `chromium`), otherwise Playwright's own.
 */
import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";
import { e2e } from "./e2e/env";

const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((path) =>
  fs.existsSync(path),
);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  // Never retried, in CI either: a test that passes on its second try is a flaky test, and a
  // retry would hide it.
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${e2e.port}`,
    trace: "retain-on-failure",
    locale: "th-TH",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROME_PATH ?? systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  // Runs while the server (and its database) is still up: Playwright stops the web server after it.
  globalTeardown: "./e2e/ledger-teardown.ts",
  webServer: {
    // db:seed draws the demo pictures before the store opens (a first `npm start` draws them in the
    // background), so the journeys neither wait for them nor share the CPU with their drawing. A
    // production build, a fresh database and the seed: past three minutes on a busy machine.
    command: `rm -rf ${e2e.dataDir} && npm run build && npm run db:seed && npm run serve`,
    url: `http://localhost:${e2e.port}/healthz`,
    timeout: 300_000,
    // E2E_REUSE_SERVER=1 runs the journeys against a store already serving on the e2e port (started
    // with the env below), to repeat one spec without rebuilding; CI always starts its own.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(e2e.port),
      EMBEDDED_PG_PORT: String(e2e.pgPort),
      DATA_DIR: e2e.dataDir,
      // Outside the wiped data folder: image files are content-addressed, so keeping them
      // spares each run re-encoding the demo placeholders (the rows are still made anew).
      MEDIA_DIR: e2e.mediaDir,
      DATABASE_URL: "",
      SESSION_SECRET: e2e.sessionSecret,
      PAGE_CACHE_SECONDS: String(e2e.pageCacheSeconds),
      // A low limit would trip the sign-in journeys that run in parallel from one address.
      LOGIN_MAX_ATTEMPTS: "50",
      TEST_CLOCK_FILE: e2e.clockFile,
    },
  },
});
