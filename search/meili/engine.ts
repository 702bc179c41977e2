/**
 * The Meilisearch adapter of the search port, for deployments that run a Meilisearch server.
 * Documents are stored with a few derived fields (certification names, Thai sound keys) so
 * filters, facets and spelling mirror the built-in engine; hits are parsed back into
 * SearchDocuments with zod. Every task is awaited and a failed one throws MeiliTaskError naming
 * the task, so the outbox keeps the message with the server's reason. A full rebuild fills a
 * staging index and swaps it in (replaceAll), so searches never see a half-empty index.
 */
import { type EnqueuedTaskPromise, type Index, type IndexSwap, Meilisearch, type SearchResponse, type Task } from "meilisearch";
import { type SearchDocument, searchDocumentSchema } from "../document.ts";
import {
  type SearchEngine,
  type SearchQuery,
  type SearchQueryInput,
  type SearchResults,
  type SuggestOptions,
  type Suggestion,
  emptyFacets,
  isWordless,
  parseSearchQuery,
  suggestOptionsSchema,
} from "../port.ts";
import { buildFilter } from "./filters.ts";
import { INDEX_SETTINGS, certificationNames } from "./settings.ts";
import { correctLatin, correctThai, soundFields, thaiSpans, wordsByKey } from "./spelling.ts";

export type MeiliEngineConfig = {
  host: string;
  apiKey?: string;
  indexName?: string;
  /**
   * Longest wait for one HTTP request. A hung server must not hold a buyer's
   * search page: the request fails and the store answers from the database.
   */
  timeoutMs: number;
};

type StoredDocument = SearchDocument & {
  certificationNamesTh: string[];
  certificationNamesEn: string[];
  /** Sound keys of the Thai words naming the product (spelling.ts), searched only to correct a query. */
  soundKeys: string;
  /** The words those keys stand for, in the same order; never searched, read back to correct with. */
  soundWords: string[];
};

const FACETS = ["categorySlug", "provinceSlug", "certifications", "inStock", "madeToOrder", "ships", "pickup", "priceSatang"];
/** What a hit brings back: the search document, not the fields kept only for searching. */
const DOCUMENT_FIELDS = Object.keys(searchDocumentSchema.shape);

function stored(doc: SearchDocument): StoredDocument {
  const names = certificationNames(doc.certifications);
  return { ...doc, certificationNamesTh: names.th, certificationNamesEn: names.en, ...soundFields(doc) };
}

function sortFor(query: SearchQuery): string[] | undefined {
  switch (query.sort) {
    case "relevance":
      return query.q ? undefined : ["createdAt:desc", "slug:asc"];
    case "newest":
      return ["createdAt:desc", "slug:asc"];
    case "price-asc":
      return ["priceSatang:asc", "slug:asc"];
    case "price-desc":
      return ["priceSatang:desc", "slug:asc"];
  }
}

/** A failed Meilisearch task, with what it was doing and what the server said, for logs and the outbox. */
export class MeiliTaskError extends Error {
  constructor(
    readonly what: string,
    readonly task: Pick<Task, "uid" | "status" | "type" | "indexUid"> & { error?: { code?: string; message?: string } | null },
  ) {
    super(
      `meilisearch ${what} ${task.status} (task ${task.uid}, ${task.type} on ${task.indexUid ?? "-"})` +
        (task.error ? `: ${task.error.code ?? "error"}: ${task.error.message ?? ""}` : ""),
    );
    this.name = "MeiliTaskError";
  }
}

/** Waits for a task and throws MeiliTaskError unless it succeeded (a timeout names the task too). */
async function settled(pending: EnqueuedTaskPromise, what: string, timeout = 120_000, allowedError?: string): Promise<Task> {
  let task: Task;
  try {
    task = await pending.waitTask({ timeout });
  } catch (error) {
    throw new Error(`meilisearch ${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (task.status === "succeeded" || (allowedError && task.error?.code === allowedError)) return task;
  throw new MeiliTaskError(what, task);
}

/**
 * Whether a search needs a better spelling: nothing found, or the best hit matched only some of
 * the words or only through typos.
 */
/** A page of results (page/hitsPerPage pagination: exact totals). */
type PageResponse = SearchResponse<StoredDocument, { page: number; hitsPerPage: number }>;

function poorlyMatched(response: PageResponse): boolean {
  if (response.totalHits === 0) return true;
  const details = response.hits[0]?._rankingScoreDetails;
  if (!details) return false;
  const words = details.words;
  return (words !== undefined && words.matchingWords < words.maxMatchingWords) || (details.typo?.typoCount ?? 0) > 0;
}

/** Each earlier hit from the same group counts a hit's score down by this factor (as builtin/order.ts does). */
const SAME_GROUP_DECAY = 0.85;

/**
 * When several groups sell the same kind of product, the first page shows different groups before
 * repeating one, as the built-in engine does: each next place goes to the best remaining hit unless
 * another hit of the same kind scores better once every hit its group already has above counts it
 * down. A clearly better match still comes first, and another kind is never pulled up for its
 * group. Only the first page is re-ordered, within itself, so pages stay disjoint.
 */
export function mixGroups<T extends { groupSlug: string; productType: string; _rankingScore?: number }>(hits: readonly T[]): T[] {
  const left = [...hits];
  const out: T[] = [];
  const shown = new Map<string, number>();
  const counted = (hit: T) => (hit._rankingScore ?? 0) * SAME_GROUP_DECAY ** (shown.get(hit.groupSlug) ?? 0);
  while (left.length > 0) {
    let best = 0;
    for (let i = 1; i < left.length; i++) {
      if (left[i].productType === left[0].productType && counted(left[i]) > counted(left[best])) best = i;
    }
    const [next] = left.splice(best, 1);
    out.push(next);
    shown.set(next.groupSlug, (shown.get(next.groupSlug) ?? 0) + 1);
  }
  return out;
}

class MeiliEngine implements SearchEngine {
  readonly name = "meilisearch";
  private readonly client: Meilisearch;
  private readonly indexName: string;

  constructor(config: MeiliEngineConfig) {
    this.client = new Meilisearch({ host: config.host, apiKey: config.apiKey, timeout: config.timeoutMs });
    this.indexName = config.indexName ?? "products";
  }

  private index_(name = this.indexName): Index<StoredDocument> {
    return this.client.index<StoredDocument>(name);
  }

  private get products(): Index<StoredDocument> {
    return this.index_();
  }

  async init(): Promise<void> {
    await settled(this.client.createIndex(this.indexName, { primaryKey: "slug" }), "index creation", 60_000, "index_already_exists");
    await settled(this.products.updateSettings(INDEX_SETTINGS), "settings", 60_000);
  }

  async ping(): Promise<boolean> {
    return this.client.isHealthy();
  }

  async index(documents: readonly SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await settled(this.products.addDocuments(documents.map(stored), { primaryKey: "slug" }), "indexing");
  }

  async remove(slugs: readonly string[]): Promise<void> {
    if (slugs.length === 0) return;
    await settled(this.products.deleteDocuments([...slugs]), "removal");
  }

  async clear(): Promise<void> {
    await settled(this.products.deleteAllDocuments(), "clear", 60_000);
  }

  /**
   * Fills a staging index with its own settings, then swaps it with the live one in one step and
   * drops the old contents: searches keep answering from the complete old index until the swap.
   */
  async replaceAll(batches: AsyncIterable<readonly SearchDocument[]>): Promise<{ indexed: number }> {
    const staging = `${this.indexName}_next`;
    await settled(this.client.deleteIndex(staging), "removal of an old staging index", 60_000, "index_not_found");
    let indexed = 0;
    try {
      await settled(this.client.createIndex(staging, { primaryKey: "slug" }), "staging index creation", 60_000);
      await settled(this.index_(staging).updateSettings(INDEX_SETTINGS), "staging settings", 60_000);
      for await (const batch of batches) {
        if (batch.length === 0) continue;
        await settled(this.index_(staging).addDocuments(batch.map(stored), { primaryKey: "slug" }), "staging indexing");
        indexed += batch.length;
      }
      // Meilisearch (v1.10+) swaps both names atomically; `rename` is left out for older servers.
      const swap = { indexes: [this.indexName, staging] } as unknown as IndexSwap;
      await settled(this.client.swapIndexes([swap]), "index swap", 60_000);
    } finally {
      // After a swap this holds the old contents; after a failure, the half-built index.
      await settled(this.client.deleteIndex(staging), "removal of the staging index", 60_000, "index_not_found").catch(() => {});
    }
    return { indexed };
  }

  private async find(q: string, query: SearchQuery): Promise<PageResponse> {
    return this.products.search(q, {
      filter: buildFilter(query.filters),
      sort: sortFor(query),
      facets: FACETS,
      page: query.page,
      hitsPerPage: query.perPage,
      matchingStrategy: "last",
      attributesToRetrieve: DOCUMENT_FIELDS,
      showRankingScore: true,
      showRankingScoreDetails: true,
    });
  }

  /** The query with misspelt Thai spans and unknown Latin words replaced in place, if any were. */
  private async corrected(q: string): Promise<string | undefined> {
    const spans = thaiSpans(q);
    let text = q;
    let corrections = 0;
    if (spans.length > 0) {
      const keys = [...new Set(spans.map((span) => span.key))];
      const found = await this.products.search(keys.join(" "), {
        attributesToSearchOn: ["soundKeys"],
        attributesToRetrieve: ["soundKeys", "soundWords"],
        matchingStrategy: "last",
        limit: 20,
      });
      ({ text, corrections } = correctThai(q, wordsByKey(found.hits)));
    }
    const latin = correctLatin(text);
    corrections += latin.corrections;
    return corrections > 0 ? latin.text : undefined;
  }

  async search(input: SearchQueryInput): Promise<SearchResults> {
    const query = parseSearchQuery(input);
    if (isWordless(query.q)) return { hits: [], total: 0, page: query.page, perPage: query.perPage, facets: emptyFacets(), priceRange: null };
    let response = await this.find(query.q, query);
    let didYouMean: string | undefined;
    // "Did you mean" only when the words as typed found nothing or only inexact matches; the
    // corrected query's results are shown when it finds more.
    if (query.q && poorlyMatched(response)) {
      const corrected = await this.corrected(query.q);
      if (corrected) {
        const second = await this.find(corrected, query);
        if (second.totalHits > 0) {
          didYouMean = corrected;
          if (second.totalHits >= response.totalHits) response = second;
        }
      }
    }
    const distribution = response.facetDistribution ?? {};
    const facets = emptyFacets();
    facets.category = { ...distribution.categorySlug };
    facets.province = { ...distribution.provinceSlug };
    facets.certification = { ...distribution.certifications };
    facets.availability.ready = distribution.inStock?.true ?? 0;
    facets.availability["made-to-order"] = distribution.madeToOrder?.true ?? 0;
    facets.delivery = { ships: distribution.ships?.true ?? 0, pickup: distribution.pickup?.true ?? 0 };
    const stats = response.facetStats?.priceSatang;
    const mixed = query.q && query.sort === "relevance" && query.page === 1 ? mixGroups(response.hits) : response.hits;
    const results: SearchResults = {
      hits: mixed.map((hit) => {
        const document = searchDocumentSchema.parse(hit);
        return { slug: document.slug, document };
      }),
      total: response.totalHits,
      page: query.page,
      perPage: query.perPage,
      facets,
      priceRange: response.totalHits > 0 && stats ? { min: stats.min, max: stats.max } : null,
    };
    if (didYouMean) results.didYouMean = didYouMean;
    return results;
  }

  async suggest(prefix: string, options: SuggestOptions = {}): Promise<Suggestion[]> {
    const { lang, limit } = suggestOptionsSchema.parse(options);
    const q = parseSearchQuery({ q: prefix }).q;
    if (!q || isWordless(q)) return [];
    const response = await this.products.search(q, {
      attributesToSearchOn: ["titleTh", "titleEn"],
      attributesToRetrieve: ["slug", "titleTh", "titleEn"],
      limit: limit * 4,
    });
    const seen = new Set<string>();
    const suggestions: Suggestion[] = [];
    for (const hit of response.hits) {
      const text = lang === "en" && hit.titleEn ? hit.titleEn : hit.titleTh;
      if (seen.has(text)) continue;
      seen.add(text);
      suggestions.push({ slug: hit.slug, text });
      if (suggestions.length >= limit) break;
    }
    return suggestions;
  }
}

export function createMeiliEngine(config: MeiliEngineConfig): SearchEngine {
  return new MeiliEngine(config);
}
