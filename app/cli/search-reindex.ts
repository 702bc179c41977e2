/**
 * `npm run search:reindex [-- --batch-size N]`: rebuilds the configured engine's whole index from
 * the database (prepared and migrated as for `npm run db:seed`), with a progress bar on stderr
 * and a summary on stdout. With Meilisearch (MEILI_URL) it fills a staging index, swaps it with
 * the live one (searches never see an empty index) and re-applies the changes made meanwhile; a
 * failed Meilisearch task stops it with the server's reason and exit code 1. The built-in engine
 * lives inside the store's process, which rebuilds it at every start; here the build still runs
 * in full, as a check that every product makes a valid document.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { progressBar } from "~/cli/progress";
import { ConfigError, config } from "~/config.server";
import { createDb } from "~/db/client.server";
import { prepareDatabase } from "~/db/database.server";
import { createConfiguredEngine, rebuildSearchIndex } from "#search/engines.server.ts";

const USAGE = "usage: search:reindex [-- --batch-size N]   (N from 1 to 5000, default 500)";

const argsSchema = z.object({
  "batch-size": z.coerce.number().int().min(1).max(5000).default(500),
});

function fail(message: string, code = 2): never {
  process.stderr.write(`search:reindex: ${message}\n${code === 2 ? `${USAGE}\n` : ""}`);
  process.exit(code);
}

function readArgs(argv: string[]) {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options: { "batch-size": { type: "string" } }, strict: true }));
  } catch (error) {
    fail((error as Error).message);
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("; "));
  return parsed.data;
}

const args = readArgs(process.argv.slice(2));
let settings;
try {
  settings = config();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message, 1);
  throw error;
}
const engine = createConfiguredEngine(settings);
if (engine.name === "builtin") {
  process.stderr.write(
    "search:reindex: no MEILI_URL, so the built-in engine is used. Its index lives in the store's memory and the\n" +
      "running store rebuilds it at every start; this run builds a full index anyway as a check.\n",
  );
}
const database = await prepareDatabase(settings);
const db = createDb(database.url);
let exitCode = 0;
try {
  const bar = progressBar(`Indexing products (${engine.name})`);
  const { indexed, caughtUp, ms } = await rebuildSearchIndex(db, engine, { batchSize: args["batch-size"], onProgress: bar.update });
  bar.done();
  const probe = await engine.search({ q: "", perPage: 1 });
  console.log(
    JSON.stringify({ engine: engine.name, indexed, caughtUp, seconds: Number((ms / 1000).toFixed(2)), searchableAfter: probe.total }),
  );
  // Products changed while indexing may have been added or withdrawn since, so only a large gap is suspicious.
  if (Math.abs(probe.total - indexed) > caughtUp) {
    process.stderr.write(`search:reindex: the engine reports ${probe.total} products after indexing ${indexed}\n`);
    exitCode = 1;
  }
} catch (error) {
  process.stderr.write(`search:reindex: ${error instanceof Error ? error.message : String(error)}\n`);
  exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
// pg pools keep idle timers alive for a while; the work is done, so leave now.
process.exit(exitCode);
