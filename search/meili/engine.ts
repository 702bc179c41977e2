/**
 * The Meilisearch adapter of the search port, for deployments that run a Meilisearch server.
 * Documents are stored with a few derived fields (province key, certification names) so filters
 * and facets mirror the built-in engine; hits are parsed back into SearchDocuments with zod.
 */
import { Meilisearch, type Index, type Task } from "meilisearch";
import { type SearchDocument, searchDocumentSchema } from "../document.ts";
import {
  type SearchEngine,
  type SearchQuery,
  type SearchQueryInput,
  type SearchResults,
  type SuggestOptions,
  type Suggestion,
  emptyFacets,
  parseSearchQuery,
  suggestOptionsSchema,
} from "../port.ts";
import { synonymTable } from "../synonyms.ts";
import { tokenize } from "../tokenizer.ts";
import { buildFilter } from "./filters.ts";
import { INDEX_SETTINGS, certificationNames } from "./settings.ts";

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
};

const FACETS = ["categorySlug", "provinceSlug", "certifications", "inStock", "madeToOrder", "priceSatang"];

function stored(doc: SearchDocument): StoredDocument {
  const names = certificationNames(doc.certifications);
  return { ...doc, certificationNamesTh: names.th, certificationNamesEn: names.en };
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

function assertSucceeded(task: Task, what: string): void {
  if (task.status !== "succeeded") throw new Error(`meilisearch ${what} ${task.status}: ${task.error?.message ?? ""}`);
}

/** Meilisearch has no "did you mean"; offer the closest vocabulary word for unknown Latin words. */
const VOCABULARY_WORDS = [
  ...new Set(synonymTable.groups.flatMap((group) => group.memberTerms.flat()).filter((w) => /^[a-z]{3,}$/.test(w))),
];

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

function vocabularyCorrection(q: string): string | undefined {
  const words = tokenize(q);
  let changed = false;
  const corrected = words.map((word) => {
    if (!/^[a-z]{4,}$/.test(word) || VOCABULARY_WORDS.includes(word)) return word;
    const limit = word.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of VOCABULARY_WORDS) {
      if (Math.abs(candidate.length - word.length) > limit) continue;
      const distance = editDistance(word, candidate);
      if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
    }
    if (!best) return word;
    changed = true;
    return best;
  });
  return changed ? corrected.join(" ") : undefined;
}

class MeiliEngine implements SearchEngine {
  readonly name = "meilisearch";
  private readonly client: Meilisearch;
  private readonly indexName: string;

  constructor(config: MeiliEngineConfig) {
    this.client = new Meilisearch({ host: config.host, apiKey: config.apiKey, timeout: config.timeoutMs });
    this.indexName = config.indexName ?? "products";
  }

  private get products(): Index<StoredDocument> {
    return this.client.index<StoredDocument>(this.indexName);
  }

  async init(): Promise<void> {
    // Fails harmlessly when the index already exists; settings are then (re)applied.
    await this.client.createIndex(this.indexName, { primaryKey: "slug" }).waitTask();
    assertSucceeded(await this.products.updateSettings(INDEX_SETTINGS).waitTask({ timeout: 60_000 }), "settings");
  }

  async ping(): Promise<boolean> {
    return this.client.isHealthy();
  }

  async index(documents: readonly SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const task = await this.products.addDocuments(documents.map(stored), { primaryKey: "slug" }).waitTask({ timeout: 120_000 });
    assertSucceeded(task, "indexing");
  }

  async remove(slugs: readonly string[]): Promise<void> {
    if (slugs.length === 0) return;
    assertSucceeded(await this.products.deleteDocuments([...slugs]).waitTask(), "removal");
  }

  async clear(): Promise<void> {
    assertSucceeded(await this.products.deleteAllDocuments().waitTask({ timeout: 60_000 }), "clear");
  }

  async search(input: SearchQueryInput): Promise<SearchResults> {
    const query = parseSearchQuery(input);
    const response = await this.products.search(query.q, {
      filter: buildFilter(query.filters),
      sort: sortFor(query),
      facets: FACETS,
      page: query.page,
      hitsPerPage: query.perPage,
      matchingStrategy: "last",
    });
    const distribution = response.facetDistribution ?? {};
    const facets = emptyFacets();
    facets.category = { ...distribution.categorySlug };
    facets.province = { ...distribution.provinceSlug };
    facets.certification = { ...distribution.certifications };
    facets.availability.ready = distribution.inStock?.true ?? 0;
    facets.availability["made-to-order"] = distribution.madeToOrder?.true ?? 0;
    const stats = response.facetStats?.priceSatang;
    const results: SearchResults = {
      hits: response.hits.map((hit) => {
        const document = searchDocumentSchema.parse(hit);
        return { slug: document.slug, document };
      }),
      total: response.totalHits,
      page: query.page,
      perPage: query.perPage,
      facets,
      priceRange: response.totalHits > 0 && stats ? { min: stats.min, max: stats.max } : null,
    };
    const didYouMean = vocabularyCorrection(query.q);
    if (didYouMean) results.didYouMean = didYouMean;
    return results;
  }

  async suggest(prefix: string, options: SuggestOptions = {}): Promise<Suggestion[]> {
    const { lang, limit } = suggestOptionsSchema.parse(options);
    const q = parseSearchQuery({ q: prefix }).q;
    if (!q) return [];
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
