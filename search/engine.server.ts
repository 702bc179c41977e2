/**
 * The process's one search engine, chosen from the configuration: Meilisearch when MEILI_URL is
 * set, otherwise the built-in in-memory engine. Kept on globalThis because the server entry (which
 * fills the index and runs the sync) and the Remix build (which answers searches) are separate
 * module graphs and must share one index.
 */
import { config } from "~/config.server";
import type { Db } from "~/db/client.server";
import { createBuiltinEngine } from "./builtin/engine.ts";
import { countSearchableProducts, searchDocumentBatches } from "./from-database.ts";
import { createMeiliEngine } from "./meili/engine.ts";
import type { SearchEngine } from "./port.ts";

type EngineState = {
  engine: SearchEngine;
  /** False until the first full build finished: until then searches go to the database. */
  ready: boolean;
};

const holder = globalThis as unknown as { __sammachipSearch?: EngineState };

export function createConfiguredEngine(settings: { MEILI_URL?: string; MEILI_API_KEY?: string; MEILI_TIMEOUT_MS: number }): SearchEngine {
  return settings.MEILI_URL
    ? createMeiliEngine({ host: settings.MEILI_URL, apiKey: settings.MEILI_API_KEY, indexName: "products", timeoutMs: settings.MEILI_TIMEOUT_MS })
    : createBuiltinEngine();
}

function state(): EngineState {
  holder.__sammachipSearch ??= { engine: createConfiguredEngine(config()), ready: false };
  return holder.__sammachipSearch;
}

export function searchEngine(): SearchEngine {
  return state().engine;
}

export function searchIndexReady(): boolean {
  return state().ready;
}

/** Tests and the start-up build swap the engine or mark it filled. */
export function useSearchEngine(engine: SearchEngine, { ready }: { ready: boolean }): void {
  holder.__sammachipSearch = { engine, ready };
}

export function markSearchIndexReady(): void {
  state().ready = true;
}

/**
 * Empties the engine and fills it with every searchable product. For Meilisearch the index is
 * briefly incomplete while it refills; searches during that window see fewer products, not errors.
 */
export async function rebuildSearchIndex(
  db: Db,
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
