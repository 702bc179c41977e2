/**
 * Choosing and filling an engine. The app decides which engine the process uses (from its own
 * configuration, passed in here) and keeps it; `search/` only knows how to make one and how to
 * fill it from a database handle it is given.
 */
import { createBuiltinEngine } from "./builtin/engine.ts";
import { type SearchDb, countSearchableProducts, searchDocumentBatches } from "./from-database.ts";
import { createMeiliEngine } from "./meili/engine.ts";
import type { SearchEngine } from "./port.ts";
import { applySearchSync, syncPayloadSchema } from "./sync.ts";

export interface EngineSettings {
  MEILI_URL?: string;
  MEILI_API_KEY?: string;
  MEILI_TIMEOUT_MS: number;
}

/** Meilisearch when MEILI_URL is set, otherwise the built-in in-memory engine. */
export function createConfiguredEngine(settings: EngineSettings): SearchEngine {
  return settings.MEILI_URL
    ? createMeiliEngine({ host: settings.MEILI_URL, apiKey: settings.MEILI_API_KEY, indexName: "products", timeoutMs: settings.MEILI_TIMEOUT_MS })
    : createBuiltinEngine();
}

/**
 * Rebuilds the engine's whole index from the database: a new index is filled beside the one that
 * answers and swapped in at the end (replaceAll), so searches never see it empty. Changes made
 * while it was filling were applied to the old index by the outbox worker; they are re-applied to
 * the new one afterwards from the SEARCH_SYNC messages written since the start (catch-up).
 */
export async function rebuildSearchIndex(
  db: SearchDb,
  engine: SearchEngine,
  options: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ indexed: number; caughtUp: number; ms: number }> {
  const started = performance.now();
  // A little before now: a change committed just before the first batch is read is caught up too.
  const since = new Date(Date.now() - 1_000);
  const total = await countSearchableProducts(db);
  await engine.init();
  let indexed = 0;
  options.onProgress?.(0, total);
  async function* counted() {
    for await (const batch of searchDocumentBatches(db, options.batchSize)) {
      yield batch;
      indexed += batch.length;
      options.onProgress?.(indexed, Math.max(total, indexed));
    }
  }
  await engine.replaceAll(counted());
  const caughtUp = await catchUp(db, engine, since);
  return { indexed, caughtUp, ms: performance.now() - started };
}

/** Re-applies every SEARCH_SYNC message written since `since`; returns how many products it touched. */
async function catchUp(db: SearchDb, engine: SearchEngine, since: Date): Promise<number> {
  const messages = await db.outboxMessage.findMany({
    where: { topic: "SEARCH_SYNC", createdAt: { gte: since } },
    select: { payload: true },
    orderBy: { createdAt: "asc" },
  });
  const slugs = new Set<string>();
  for (const { payload } of messages) {
    const parsed = syncPayloadSchema.safeParse(payload);
    if (parsed.success) for (const slug of parsed.data.productSlugs) slugs.add(slug);
  }
  const all = [...slugs];
  for (let start = 0; start < all.length; start += 500) {
    await applySearchSync(db, engine, [{ productSlugs: all.slice(start, start + 500) }]);
  }
  return all.length;
}
