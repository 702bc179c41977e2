/**
 * Choosing and filling an engine. The app decides which engine the process uses (from its own
 * configuration, passed in here) and keeps it; `search/` only knows how to make one and how to
 * fill it from a database handle it is given.
 */
import { createBuiltinEngine } from "./builtin/engine.ts";
import { type SearchDb, countSearchableProducts, searchDocumentBatches } from "./from-database.ts";
import { createMeiliEngine } from "./meili/engine.ts";
import type { SearchEngine } from "./port.ts";

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
 * Empties the engine and fills it with every searchable product. For Meilisearch the index is
 * briefly incomplete while it refills; searches during that window see fewer products, not errors.
 */
export async function rebuildSearchIndex(
  db: SearchDb,
  engine: SearchEngine,
  options: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ indexed: number; ms: number }> {
  const started = performance.now();
  const total = await countSearchableProducts(db);
  await engine.init();
  await engine.clear();
  let indexed = 0;
  options.onProgress?.(0, total);
  for await (const batch of searchDocumentBatches(db, options.batchSize)) {
    await engine.index(batch);
    indexed += batch.length;
    options.onProgress?.(indexed, Math.max(total, indexed));
  }
  return { indexed, ms: performance.now() - started };
}
