/**
 * The store's process: reads the configuration, brings the database up (embedded PostgreSQL
 * unless DATABASE_URL is set) and migrates it, seeds the demo catalog into an empty database,
 * fills the search index, starts the outbox worker, then serves the Remix app with Express.
 * `npm start` builds the app meanwhile and runs it; `npm run serve` runs an existing build;
 * `npm run dev` serves through Vite.
 *
 * This is the composition root: the one place that wires modules to each other (which outbox
 * topics this process delivers, which caches a broadcast clears). Modules never start workers.
 */
import compression from "compression";
import express from "express";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import { createRequestHandler as createFetchRequestHandler, type ServerBuild } from "@remix-run/node";
import { cachedPages } from "~/web/cached-pages.server";
import { loadContextOf } from "~/load-context";
import { requestGuard } from "~/web/request-guard.server";
import { cookieSecurityNote } from "~/web/cookie-security.server";
import { securityHeaders } from "~/web/security-headers.server";
import { PageCache } from "~/web/page-cache.server";
import { pageCacheHandler, pageCacheSubscription, referenceDataSubscription } from "~/web/page-cache-sync.server";
import { keepReferenceData } from "~/lib/reference-data.server";
import { config, ConfigError, type Config } from "~/config.server";
import { db, useDatabase } from "~/db/client.server";
import { DatabaseUnavailableError, prepareDatabase } from "~/db/database.server";
import { EmbeddedPostgresError } from "~/db/embedded-postgres.server";
import { listen } from "~/db/notifications.server";
import { buildAppInBackground } from "~/cli/build-on-start";
import { progressBar } from "~/cli/progress";
import { demoAccountsHeading } from "~/cli/start-log";
import { markSearchIndexReady, searchEngine, searchSyncHandler } from "~/modules/catalog/search.server";
import { emailHandler } from "~/modules/notifications/email.server";
import { expireUnpaidOrders } from "~/modules/orders/lifecycle.server";
import { startPayoutSchedule } from "~/modules/payments/schedule.server";
import { forgetOldSearches } from "~/modules/search-log/log.server";
import { lineHandler } from "~/modules/notifications/line.server";
import { OUTBOX_CHANNEL } from "~/modules/outbox/outbox.server";
import { startOutboxWorker } from "~/modules/outbox/worker.server";
import { DEMO_PASSWORD, demoAccounts, seedDemo, seedDemoImages } from "../prisma/seed/demo";
import { rebuildSearchIndex } from "../search/engines.server";

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

// `npm start` builds the app while the database comes up (app/cli/build-on-start.ts).
const appBuilt = process.env.BUILD_ON_START === "1" ? buildAppInBackground() : Promise.resolve();
appBuilt.catch(() => {}); // reported where it is awaited

let settings: Config;
try {
  settings = config();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const database = await prepareDatabase(settings).catch((error: unknown) => {
  if (error instanceof DatabaseUnavailableError || error instanceof EmbeddedPostgresError) fail(error.message);
  fail(`Could not prepare the database: ${error instanceof Error ? error.message : String(error)}`);
});
useDatabase(database.url);
if (database.appliedMigrations.length > 0) console.log(`Applied migrations: ${database.appliedMigrations.join(", ")}`);

const localStore = database.embedded || settings.NODE_ENV !== "production";
const seeded = (settings.SEED_DEMO ?? localStore) && (await db().occupationGroup.count()) === 0;
if (seeded) {
  const bar = progressBar("Seeding the demo catalog");
  await seedDemo(db(), { onProgress: bar.update });
  bar.done();
}
// The built-in index lives in this process's memory, so it is rebuilt at every start (searches
// wait for the database until it is filled). Meilisearch keeps its index across restarts and the
// outbox catches it up; `npm run search:reindex` rebuilds it. If it is unreachable, searches are
// answered from the database with a notice.
if (settings.MEILI_URL) {
  markSearchIndexReady();
  await searchEngine()
    .init()
    .catch((error: unknown) => console.error(`Meilisearch not reachable, searching the database for now: ${error instanceof Error ? error.message : String(error)}`));
} else {
  // A large catalog takes a while to index (about a minute at 100k products); the store opens
  // after at most INDEX_WAIT_MS and finishes the index in the background, searching the database
  // meanwhile, rather than keep buyers out.
  const INDEX_WAIT_MS = 10_000;
  const building = rebuildSearchIndex(db(), searchEngine()).then(
    ({ indexed, ms }) => {
      markSearchIndexReady();
      console.log(`Search index (built-in): ${indexed} products in ${(ms / 1000).toFixed(1)}s`);
    },
    (error: unknown) => console.error(`Search index build failed, searching the database: ${error instanceof Error ? error.message : String(error)}`),
  );
  const waited = await Promise.race([building.then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, INDEX_WAIT_MS, false))]);
  if (!waited) console.log("Search index still building; the store opens now and searches the database until it is ready.");
}
// Pages kept for signed-out visitors (see app/web/page-cache.server.ts). A change buyers can see
// empties the cache of every instance (app/web/page-cache-sync.server.ts).
const pages =
  settings.PAGE_CACHE_SECONDS > 0 && settings.NODE_ENV === "production"
    ? new PageCache({ ttlMs: settings.PAGE_CACHE_SECONDS * 1000, maxEntries: 5_000, maxBytes: 64 * 1024 * 1024 })
    : null;
// Every instance delivers every topic; SKIP LOCKED claims keep them from doing the same message twice.
const outbox = startOutboxWorker(db, [searchSyncHandler, pageCacheHandler, emailHandler, lineHandler]);
// Categories, certifications and provinces are kept in memory and forgotten by the same broadcast.
keepReferenceData();
const notifications = listen(database.url, [
  { channel: OUTBOX_CHANNEL, onNotify: outbox.wake },
  referenceDataSubscription(),
  ...(pages ? [pageCacheSubscription(pages)] : []),
]);
await notifications.ready.catch((error: unknown) =>
  console.error(`Listening for database notifications failed (${error instanceof Error ? error.message : String(error)}); retrying in the background`),
);
// Unpaid orders whose time ran out give their stock back; every instance sweeps, SKIP LOCKED shares the work.
const expiry = setInterval(() => {
  expireUnpaidOrders().catch((error: unknown) => console.error(`order expiry: ${error instanceof Error ? error.message : String(error)}`));
}, 60_000);
expiry.unref();
// Money the platform collected goes to the groups once its hold has passed; provider refunds and
// transfers still on their way are followed up, backing off.
const payouts = startPayoutSchedule();
console.log(cookieSecurityNote(settings));
// Searches older than the retention limit are forgotten; a delete by day is idempotent, so every instance may run it.
const forgetSearches = () =>
  forgetOldSearches(settings.SEARCH_LOG_RETENTION_DAYS).catch((error: unknown) =>
    console.error(`search log retention: ${error instanceof Error ? error.message : String(error)}`),
  );
void forgetSearches();
setInterval(forgetSearches, 3_600_000).unref();
if (localStore) {
  console.log(
    [
      `${demoAccountsHeading(settings)}, password for all: ${DEMO_PASSWORD}`,
      `  consumer: ${demoAccounts.consumer.email}`,
      `  staff:    ${demoAccounts.staff.email}`,
      `  a group owner, e.g. ${demoAccounts.ownerOf("ban-thon-krajood").email} (owner.<group-slug>@demo.sammachip.test)`,
    ].join("\n"),
  );
}

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.set("trust proxy", settings.TRUST_PROXY);
app.use(securityHeaders(settings), requestGuard(settings));

let build: ServerBuild | (() => Promise<ServerBuild>);
if (settings.NODE_ENV === "production") {
  await appBuilt.catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
  const buildDir = path.resolve(process.env.BUILD_DIR ?? "build");
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  // Only paths that look like files can be public files: pages skip a file-system lookup per request.
  const publicFiles = express.static(path.join(buildDir, "client"), { maxAge: "1h" });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));
  build = (await import(path.join(buildDir, "server/index.js"))) as ServerBuild;
} else {
  const vite = await import("vite").then((module) => module.createServer({ server: { middlewareMode: true } }));
  app.use(vite.middlewares);
  build = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
}

if (pages) {
  const render = createFetchRequestHandler(build, settings.NODE_ENV);
  app.get("*", cachedPages(pages, (request, context) => render(request, context)));
}
app.all(
  "*",
  createRequestHandler({
    build,
    mode: settings.NODE_ENV,
    getLoadContext: loadContextOf,
  }),
);

const server = app.listen(settings.PORT, settings.HOST, () => {
  const shown = settings.HOST === "0.0.0.0" ? "localhost" : settings.HOST;
  console.log(`Sammachip Market is open on http://${shown}:${settings.PORT}`);
  if (seeded) drawDemoImages();
});

/**
 * The demo pictures are encoded after the store opens (a minute of sharp on a small machine),
 * one at a time so visitors keep a core; until a product's picture is linked its pages show the
 * same artwork as an SVG. A store stopped meanwhile finishes them with `npm run db:seed`.
 */
function drawDemoImages() {
  const started = Date.now();
  seedDemoImages(db(), { concurrency: 1 }).then(
    (linked) => console.log(`Demo images: ${linked.products} products and ${linked.groups} groups in ${((Date.now() - started) / 1000).toFixed(1)}s`),
    (error: unknown) => {
      if (!closing) console.error(`Demo images stopped (npm run db:seed finishes them): ${error instanceof Error ? error.message : String(error)}`);
    },
  );
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`${signal}: closing`);
  server.close();
  clearInterval(expiry);
  payouts.stop();
  await outbox.stop().catch(() => {});
  await notifications.close().catch(() => {});
  await db().$disconnect().catch(() => {});
  await database.stop().catch(() => {});
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
