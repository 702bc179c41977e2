/**
 * What the storefront calls to search: the configured engine when it is filled and answering,
 * otherwise the database fallback, flagged `degraded` so the page can say so. Never throws for
 * an engine failure: the store keeps selling while Meilisearch is down.
 */
import { db } from "~/db/client.server";
import { searchEngine, searchIndexReady } from "./engine.server.ts";
import { fallbackSearch, fallbackSuggest } from "./fallback.ts";
import { type SearchQuery, type SearchResults, type Suggestion, suggestOptionsSchema } from "./port.ts";

export type StoreSearchResults = { results: SearchResults; degraded: boolean };

function warn(what: string, error: unknown) {
  console.error(`search: ${what} failed, answering from the database: ${error instanceof Error ? error.message : String(error)}`);
}

export async function searchStore(query: SearchQuery): Promise<StoreSearchResults> {
  if (searchIndexReady()) {
    try {
      return { results: await searchEngine().search(query), degraded: false };
    } catch (error) {
      warn("search", error);
    }
  }
  return { results: await fallbackSearch(db(), query), degraded: true };
}

export async function suggestStore(prefix: string, options: { lang: "th" | "en"; limit?: number }): Promise<Suggestion[]> {
  const { lang, limit } = suggestOptionsSchema.parse(options);
  if (searchIndexReady()) {
    try {
      return await searchEngine().suggest(prefix, { lang, limit });
    } catch (error) {
      warn("suggest", error);
    }
  }
  return fallbackSuggest(db(), prefix, lang, limit);
}
