/**
 * The browser tests' server settings, in one place: playwright.config.ts starts the server with
 * them and the fixtures (fixtures.ts) reach its database and sign its cookies with them.
 */
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export const e2e = {
  port: Number(process.env.E2E_PORT ?? 3100),
  /** The embedded PostgreSQL the e2e server starts under `dataDir`. */
  pgPort: Number(process.env.E2E_PG_PORT ?? 54359),
  dataDir: path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e"),
  mediaDir: path.resolve(root, process.env.E2E_MEDIA_DIR ?? ".data/e2e-media"),
  /** Pinned so the fixtures can sign session cookies the server accepts. A test value, never a real one. */
  sessionSecret: "e2e-only-session-secret-0f3c9a7d51b2e8c4",
  /**
   * How long the server keeps a page for signed-out visitors. Pinned: the test that a stock change
   * reaches buyers "at once" waits far less than this, so it can only pass through invalidation.
   */
  pageCacheSeconds: 30,
  /** Milliseconds the server's payout clock runs ahead (app/lib/clock.server.ts): a journey writes it to let a hold pass. */
  clockFile: path.resolve(root, process.env.E2E_CLOCK_FILE ?? ".data/e2e-clock"),
};
