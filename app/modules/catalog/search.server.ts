/**
 * Search as the store uses it: the process's one engine, chosen from the configuration
 * (Meilisearch when MEILI_URL is set, otherwise the built-in one), searches with the database
 * as a fallback, and the outbox handler that keeps the index in step with the catalog. Kept on
 * globalThis because the server entry (which fills the index and runs the worker) and the Remix
 * build (which answers searches) are separate module graphs and must share one index.
 */
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { defineHandler } from "~/modules/outbox/worker.server";
import { createConfiguredEngine } from "#search/engines.server.ts";
import type { SearchEngine, SearchQuery, Suggestion } from "#search/port.ts";
import { searchWithFallback, suggestWithFallback, type StoreSearchResults } from "#search/service.server.ts";
import { applySearchSync, syncPayloadSchema } from "#search/sync.ts";

type EngineState = { engine: SearchEngine; ready: boolean };

const holder = globalThis as unknown as { __sammachipSearch?: EngineState };

function state(): EngineState {
  holder.__sammachipSearch ??= { engine: createConfiguredEngine(config()), ready: false };
  return holder.__sammachipSearch;
}

export function searchEngine(): SearchEngine {
  return state().engine;
}

/** False until the first full build finished: until then searches are answered from the database. */
export function searchIndexReady(): boolean {
  return state().ready;
}

export function markSearchIndexReady(): void {
  state().ready = true;
}

/** Tests swap the engine in. */
export function useSearchEngine(engine: SearchEngine, { ready }: { ready: boolean }): void {
  holder.__sammachipSearch = { engine, ready };
}

export function searchProducts(query: SearchQuery): Promise<StoreSearchResults> {
  const { engine, ready } = state();
  return searchWithFallback({ db: db(), engine, ready }, query);
}

export function suggestProducts(prefix: string, options: { lang: "th" | "en"; limit?: number }): Promise<Suggestion[]> {
  const { engine, ready } = state();
  return suggestWithFallback({ db: db(), engine, ready }, prefix, options);
}

/** Delivers SEARCH_SYNC messages: re-reads the named products and re-indexes or removes them. */
export const searchSyncHandler = defineHandler({
  topic: "SEARCH_SYNC",
  payload: syncPayloadSchema,
  batch: 50,
  async deliver(messages, context) {
    await applySearchSync(context.db, searchEngine(), messages.map((message) => message.payload));
  },
});
