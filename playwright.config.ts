/**
 * Browser journeys against the production build, served by the real server on
 * its own embedded PostgreSQL (wiped before each run, so every run starts from
 * the demo catalog). Chromium is the system one when installed (Debian's
 * `chromium`), otherwise Playwright's own.
 */
import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";

const port = Number(process.env.E2E_PORT ?? 3100);
const pgPort = Number(process.env.E2E_PG_PORT ?? 54359);
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((path) =>
  fs.existsSync(path),
);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
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
  webServer: {
    // db:seed draws the demo pictures before the store opens (a first `npm start` draws them in the
    // background), so the journeys neither wait for them nor share the CPU with their drawing.
    command: `rm -rf ${dataDir} && npm run build && npm run db:seed && npm run serve`,
    url: `http://localhost:${port}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      // Outside the wiped data folder: image files are content-addressed, so keeping them
      // spares each run re-encoding the demo placeholders (the rows are still made anew).
      MEDIA_DIR: process.env.E2E_MEDIA_DIR ?? ".data/e2e-media",
      DATABASE_URL: "",
      // A low limit would trip the sign-in journeys that run in parallel from one address.
      LOGIN_MAX_ATTEMPTS: "50",
    },
  },
});
