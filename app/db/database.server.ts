/**
 * Brings the store's database up: the configured DATABASE_URL, or the embedded
 * PostgreSQL under DATA_DIR when none is set; then applies pending migrations.
 * Used by the server at start and by the command-line scripts.
 */
import path from "node:path";
import pg from "pg";
import type { Config } from "~/config.server";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres.server";
import { applyMigrations } from "./migrations.server";

export const EMBEDDED_DATABASE = "sammachip";

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  appliedMigrations: string[];
  stop(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot reach the database at ${redactUrl(url)}: ${reason}. Check DATABASE_URL and that the server is running.`);
    this.name = "DatabaseUnavailableError";
  }
}

export async function prepareDatabase(
  config: Pick<Config, "DATABASE_URL" | "DATA_DIR" | "EMBEDDED_PG_PORT">,
  options: { migrate?: boolean } = {},
): Promise<PreparedDatabase> {
  let server: EmbeddedServer | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    server = await startEmbeddedPostgres({
      dataDir: path.join(config.DATA_DIR, "postgres"),
      port: config.EMBEDDED_PG_PORT,
      log: (line) => console.error(`[postgres] ${line}`),
    });
    url = await server.ensureDatabase(EMBEDDED_DATABASE);
  }
  await checkReachable(url);
  const appliedMigrations = options.migrate === false ? [] : await applyMigrations(url);
  return {
    url,
    embedded: Boolean(server),
    appliedMigrations,
    stop: async () => {
      await server?.stop();
    },
  };
}

async function checkReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new DatabaseUnavailableError(url, error);
  } finally {
    await client.end().catch(() => {});
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:…@");
}
