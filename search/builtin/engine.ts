/**
 * The built-in search engine: the storefront's default, in memory. It holds one index (index.ts:
 * a document table and posting lists of its own, updated incrementally) and runs queries over
 * it: plan the words (plan.ts), match them (match.ts), filter, count facets, order and page
 * (order.ts). When no product matches every word of a Thai query, it tries once more with
 * the query's Thai words corrected to the name words they sound like, and keeps whichever matches
 * more of the query.
 */
import type { SearchDocument } from "../document.ts";
import {
  type SearchEngine,
  type SearchFilters,
  type SearchQueryInput,
  type SearchResults,
  type SuggestOptions,
  type Suggestion,
  emptyFacets,
  isWordless,
  parseSearchQuery,
  suggestOptionsSchema,
} from "../port.ts";
import { type SynonymTable, synonymTable } from "../synonyms.ts";
import { normalizeText } from "../tokenizer.ts";
import { BuiltinIndex } from "./index.ts";
import type { Matched } from "./match.ts";
import { DIVERSITY_POOL, diversifyGroups, firstInOrder, orderFor } from "./order.ts";
import { type QueryPlan, planQuery } from "./plan.ts";
import type { Correction } from "./thai-correction.ts";

const MAX_SUGGEST_CANDIDATES = 200;
/** Queries with more words than this are not retried with their known Thai words corrected. */
const MAX_RETRY_CONCEPTS = 5;

export type BuiltinEngineOptions = {
  /** Defaults to the shared vocabulary; tests may pass their own. */
  synonyms?: SynonymTable;
  /** Dead postings tolerated before compacting (default 10,000); tests lower it to exercise compaction. */
  compactAfterDeadPostings?: number;
};

class BuiltinEngine implements SearchEngine {
  readonly name = "builtin";
  private current: BuiltinIndex;
  private readonly synonyms: SynonymTable;
  private readonly compactAfter: number;
  /** Scratch for the slots that pass the filters, reused across queries like the match buffers. */
  private candidates = new Int32Array(0);

  constructor(options: BuiltinEngineOptions) {
    this.synonyms = options.synonyms ?? synonymTable;
    this.compactAfter = options.compactAfterDeadPostings ?? 10_000;
    this.current = new BuiltinIndex(this.compactAfter);
  }

  private get table() {
    return this.current.table;
  }

  private get dictionary() {
    return this.current.dictionary;
  }

  private get matcher() {
    return this.current.matcher;
  }

  async init(): Promise<void> {}

  async ping(): Promise<boolean> {
    return true;
  }

  async index(documents: readonly SearchDocument[]): Promise<void> {
    this.current.add(documents);
  }

  async remove(slugs: readonly string[]): Promise<void> {
    this.current.remove(slugs);
  }

  async clear(): Promise<void> {
    this.current = new BuiltinIndex(this.compactAfter);
  }

  /** Builds a new index beside the one answering, then switches to it. */
  async replaceAll(batches: AsyncIterable<readonly SearchDocument[]>): Promise<{ indexed: number }> {
    const next = new BuiltinIndex(this.compactAfter);
    let indexed = 0;
    for await (const batch of batches) {
      next.add(batch);
      indexed += batch.length;
    }
    this.current = next;
    return { indexed };
  }

  private plan(q: string): QueryPlan {
    return planQuery(q, this.dictionary, this.synonyms);
  }

  /** The plan and its matches; a Thai query that matched poorly is retried with its words corrected. */
  private planAndMatch(q: string, titlesOnly = false): { plan: QueryPlan; matched: Matched | null } {
    const plan = this.plan(q);
    const matched = this.matcher.match(plan, { titlesOnly });
    // Misspelt queries are short; a long one that matches partly is a description, not a slip.
    if (!matched || !plan.hasThai || matched.maxTier >= plan.concepts.length || plan.concepts.length > MAX_RETRY_CONCEPTS) return { plan, matched };
    const corrected = planQuery(q, this.dictionary, this.synonyms, { correctKnownThai: true });
    if (corrected.corrections.length <= plan.corrections.length) return { plan, matched };
    const retried = this.matcher.match(corrected, { titlesOnly, buffer: 1 });
    const better = retried && retried.maxTier / corrected.concepts.length > matched.maxTier / plan.concepts.length;
    return better ? { plan: corrected, matched: retried } : { plan, matched };
  }

  async search(input: SearchQueryInput): Promise<SearchResults> {
    const query = parseSearchQuery(input);
    if (isWordless(query.q)) return { hits: [], total: 0, page: query.page, perPage: query.perPage, facets: emptyFacets(), priceRange: null };
    const { plan, matched } = this.planAndMatch(query.q);
    const keep = this.table.filterPredicate(query.filters);
    if (this.candidates.length < this.table.size) this.candidates = new Int32Array(Math.max(this.table.size, this.candidates.length * 2));
    const candidates = this.candidates;
    let count = 0;
    if (matched && !hasFilters(query.filters)) {
      candidates.set(matched.slots.subarray(0, matched.count));
      count = matched.count;
    } else if (matched) {
      for (let i = 0; i < matched.count; i++) if (keep(matched.slots[i])) candidates[count++] = matched.slots[i];
    } else {
      for (let slot = 0; slot < this.table.size; slot++) if (keep(slot)) candidates[count++] = slot;
    }
    const { facets, priceRange } = this.table.facetsOf(candidates, count);
    const start = (query.page - 1) * query.perPage;
    const needed = start + query.perPage;
    const order = orderFor(query.sort, this.table, matched);
    let ordered: number[];
    if (matched && query.sort === "relevance") {
      ordered = diversifyGroups(firstInOrder(candidates, Math.max(needed, DIVERSITY_POOL), order, count), this.table, matched);
    } else {
      ordered = firstInOrder(candidates, needed, order, count);
    }
    const hits = ordered.slice(start, needed).map((slot) => {
      const document = this.table.docs[slot]!;
      return { slug: document.slug, document };
    });
    const results: SearchResults = { hits, total: count, page: query.page, perPage: query.perPage, facets, priceRange };
    const didYouMean = correctedQuery(query.q, plan.corrections);
    if (didYouMean) results.didYouMean = didYouMean;
    return results;
  }

  async suggest(prefix: string, options: SuggestOptions = {}): Promise<Suggestion[]> {
    const { lang, limit } = suggestOptionsSchema.parse(options);
    const q = parseSearchQuery({ q: prefix }).q;
    if (!q) return [];
    // Only titles: a suggestion must visibly contain what was typed.
    const { matched } = this.planAndMatch(q, true);
    if (!matched) return [];
    const ranked = firstInOrder(matched.slots, MAX_SUGGEST_CANDIDATES, orderFor("relevance", this.table, matched), matched.count);
    const seen = new Set<string>();
    const suggestions: Suggestion[] = [];
    for (const slot of ranked) {
      const doc = this.table.docs[slot]!;
      const text = lang === "en" && doc.titleEn ? doc.titleEn : doc.titleTh;
      if (seen.has(text)) continue;
      seen.add(text);
      suggestions.push({ slug: doc.slug, text });
      if (suggestions.length >= limit) break;
    }
    return suggestions;
  }
}

function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined && !(Array.isArray(value) && value.length === 0));
}

/** The query with each corrected stretch replaced in place by the word meant. */
export function correctedQuery(q: string, corrections: readonly Correction[]): string | undefined {
  if (corrections.length === 0) return undefined;
  let text = normalizeText(q);
  for (const { start, end, meant } of [...corrections].sort((a, b) => b.start - a.start)) {
    text = text.slice(0, start) + meant + text.slice(end);
  }
  return text;
}

export function createBuiltinEngine(options: BuiltinEngineOptions = {}): SearchEngine {
  return new BuiltinEngine(options);
}
