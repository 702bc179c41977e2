/**
 * Searching with a safety net: the engine when it is filled and answering, otherwise the
 * database fallback, flagged `degraded` so the page can say so. Never throws for an engine
 * failure: the store keeps selling while Meilisearch is down. The caller passes the engine, its
 * readiness and a database handle.
 */
import { fallbackSearch, fallbackSuggest } from "./fallback.ts";
import type { SearchDb } from "./from-database.ts";
import { type SearchEngine, type SearchQuery, type SearchResults, type Suggestion, suggestOptionsSchema } from "./port.ts";

export type StoreSearchResults = { results: SearchResults; degraded: boolean };

export interface SearchDeps {
  db: SearchDb;
  engine: SearchEngine;
  /** False until the first full build finished: until then searches go to the database. */
  ready: boolean;
  log?: (message: string) => void;
}

function warn(deps: SearchDeps, what: string, error: unknown) {
  (deps.log ?? console.error)(`search: ${what} failed, answering from the database: ${error instanceof Error ? error.message : String(error)}`);
}

export async function searchWithFallback(deps: SearchDeps, query: SearchQuery): Promise<StoreSearchResults> {
  if (deps.ready) {
    try {
      return { results: await deps.engine.search(query), degraded: false };
    } catch (error) {
      warn(deps, "search", error);
    }
  }
  return { results: await fallbackSearch(deps.db, query), degraded: true };
}

export async function suggestWithFallback(deps: SearchDeps, prefix: string, options: { lang: "th" | "en"; limit?: number }): Promise<Suggestion[]> {
  const { lang, limit } = suggestOptionsSchema.parse(options);
  if (deps.ready) {
    try {
      return await deps.engine.suggest(prefix, { lang, limit });
    } catch (error) {
      warn(deps, "suggest", error);
    }
  }
  return fallbackSuggest(deps.db, prefix, lang, limit);
}
