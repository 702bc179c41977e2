/**
 * The built-in search engine: the storefront's default, in memory, over MiniSearch. It owns the
 * index lifecycle (incremental add/replace/remove) and query execution: each planned concept is
 * matched separately so a product can be ranked by how many of the shopper's words it matches
 * before how well, the rule Meilisearch applies too.
 */
import MiniSearch, { type Query, type SearchOptions } from "minisearch";
import type { SearchDocument } from "../document.ts";
import {
  type SearchEngine,
  type SearchQueryInput,
  type SearchResults,
  type SuggestOptions,
  type Suggestion,
  parseSearchQuery,
  suggestOptionsSchema,
} from "../port.ts";
import { type SynonymTable, synonymTable } from "../synonyms.ts";
import { normalizeText } from "../tokenizer.ts";
import { TermDictionary } from "./dictionary.ts";
import { FIELDS, FIELD_BOOSTS, type FieldTerms, STRONG_FIELDS, SharedTermCache, TERM_SEPARATOR, fieldTerms } from "./fields.ts";
import { type QueryPlan, type Variant, planQuery } from "./plan.ts";
import { type Entry, type Ranked, compareFor, entryOf, facetsOf, filterPredicate, firstInOrder } from "./refine.ts";

type IndexRecord = { id: string } & Record<(typeof FIELDS)[number], string>;

/** A query word matched only in a story counts half toward the match tier. */
const STORY_ONLY_TIER = 0.5;
const BONUS_WEIGHT = 0.5;
const MAX_SUGGEST_CANDIDATES = 200;

export type BuiltinEngineOptions = {
  /** Defaults to the shared vocabulary; tests may pass their own. */
  synonyms?: SynonymTable;
};

function recordOf(slug: string, terms: FieldTerms): IndexRecord {
  const record = { id: slug } as IndexRecord;
  for (const field of FIELDS) record[field] = terms[field].join(TERM_SEPARATOR);
  return record;
}

function variantQuery(variant: Variant): Query {
  const boost = variant.weight;
  return {
    combineWith: "AND",
    queries: variant.terms,
    prefix: variant.prefix,
    fuzzy: variant.fuzzy,
    boostTerm: () => boost,
  };
}

type Match = Record<string, string[]>;
type RawResult = Map<number, { score: number; terms: string[]; match: Match }>;
type RawSearchable = { executeQuery(query: Query, options?: SearchOptions): RawResult; _documentIds: Map<number, string> };

/**
 * MiniSearch's search() without its last two steps: building a result object per match and
 * sorting them all by score. The engine re-ranks everything itself, so both were pure cost (most
 * of a broad query's time at 100k products). Scores are computed exactly as search() does
 * (score × number of matched query terms). Relies on MiniSearch 7's executeQuery and _documentIds,
 * which is why minisearch is pinned to an exact version.
 */
function rawSearch(index: MiniSearch<IndexRecord>, query: Query, options?: SearchOptions): { id: string; score: number; match: Match }[] {
  const searchable = index as unknown as RawSearchable;
  const out: { id: string; score: number; match: Match }[] = [];
  for (const [shortId, { score, terms, match }] of searchable.executeQuery(query, options)) {
    const id = searchable._documentIds.get(shortId);
    if (id !== undefined) out.push({ id, score: score * (terms.length || 1), match });
  }
  return out;
}

function isStoryOnly(match: Match): boolean {
  for (const term in match) for (const field of match[term]) if (STRONG_FIELDS.has(field)) return false;
  return true;
}

class BuiltinEngine implements SearchEngine {
  readonly name = "builtin";
  private readonly entries = new Map<string, Entry>();
  private readonly dictionary = new TermDictionary();
  private readonly synonyms: SynonymTable;
  private miniSearch = BuiltinEngine.emptyIndex();
  private readonly sharedTerms = new SharedTermCache();

  constructor(options: BuiltinEngineOptions) {
    this.synonyms = options.synonyms ?? synonymTable;
  }

  private static emptyIndex(): MiniSearch<IndexRecord> {
    return new MiniSearch<IndexRecord>({
      idField: "id",
      fields: [...FIELDS],
      storeFields: [],
      // Records arrive pre-tokenized by fieldTerms(); MiniSearch only has to split them.
      tokenize: (text) => text.split(TERM_SEPARATOR),
      processTerm: (term) => term || null,
      // Planned queries are already index terms.
      searchOptions: { tokenize: (text) => [text], processTerm: (term) => term, boost: FIELD_BOOSTS },
    });
  }

  async init(): Promise<void> {}

  async ping(): Promise<boolean> {
    return true;
  }

  async index(documents: readonly SearchDocument[]): Promise<void> {
    const added: string[][] = [];
    for (const doc of documents) {
      this.removeOne(doc.slug);
      const terms = fieldTerms(doc, this.sharedTerms);
      this.miniSearch.add(recordOf(doc.slug, terms));
      added.push(FIELDS.flatMap((field) => terms[field]));
      this.entries.set(doc.slug, entryOf(doc));
    }
    this.dictionary.addDocuments(added);
  }

  async remove(slugs: readonly string[]): Promise<void> {
    for (const slug of slugs) this.removeOne(slug);
  }

  private removeOne(slug: string): void {
    const existing = this.entries.get(slug);
    if (!existing) return;
    // Re-deriving the terms is deterministic, so MiniSearch can unindex exactly what was added.
    const terms = fieldTerms(existing.doc, this.sharedTerms);
    this.miniSearch.remove(recordOf(slug, terms));
    this.dictionary.removeDocument(FIELDS.flatMap((field) => terms[field]));
    this.entries.delete(slug);
  }

  async clear(): Promise<void> {
    this.entries.clear();
    this.dictionary.clear();
    this.miniSearch = BuiltinEngine.emptyIndex();
  }

  /** Matched entries with tier and score, or null when the query has no words (browse all). */
  private match(plan: QueryPlan, fields?: string[]): Map<string, Ranked> | null {
    if (plan.concepts.length === 0) return null;
    const ranked = new Map<string, Ranked>();
    const at = (id: string): Ranked | undefined => {
      let hit = ranked.get(id);
      if (!hit) {
        const entry = this.entries.get(id);
        if (!entry) return undefined;
        hit = { entry, tier: 0, score: 0 };
        ranked.set(id, hit);
      }
      return hit;
    };
    for (const concept of plan.concepts) {
      // A concept scores as its best variant: a product described as both "silk" and "ไหม" is
      // not twice as silky, and summing would let a many-synonym concept drown the others.
      const best = new Map<string, { score: number; match: Match }>();
      for (const variant of concept.variants) {
        for (const result of rawSearch(this.miniSearch, variantQuery(variant), { fields })) {
          const previous = best.get(result.id);
          if (!previous || result.score > previous.score) best.set(result.id, result);
        }
      }
      for (const [id, result] of best) {
        const hit = at(id);
        if (!hit) continue;
        hit.tier += isStoryOnly(result.match) ? STORY_ONLY_TIER : 1;
        hit.score += result.score;
      }
    }
    if (plan.bonusTerms.length > 0) {
      const results = rawSearch(this.miniSearch, { combineWith: "OR", queries: plan.bonusTerms }, { fields });
      for (const result of results) {
        const hit = ranked.get(result.id);
        if (hit) hit.score += result.score * BONUS_WEIGHT;
      }
    }
    return ranked;
  }

  async search(input: SearchQueryInput): Promise<SearchResults> {
    const query = parseSearchQuery(input);
    const plan = planQuery(query.q, this.dictionary, this.synonyms);
    const matched = this.match(plan);
    const keep = filterPredicate(query.filters);
    const candidates: Ranked[] = [];
    if (matched) {
      for (const hit of matched.values()) if (keep(hit.entry)) candidates.push(hit);
    } else {
      for (const entry of this.entries.values()) if (keep(entry)) candidates.push({ entry, tier: 0, score: 0 });
    }
    // Browsing without words has no relevance to speak of: newest first.
    const sort = !matched && query.sort === "relevance" ? "newest" : query.sort;
    const { facets, priceRange } = facetsOf(candidates);
    const start = (query.page - 1) * query.perPage;
    const hits = firstInOrder(candidates, start + query.perPage, compareFor(sort))
      .slice(start)
      .map(({ entry }) => ({ slug: entry.doc.slug, document: entry.doc }));
    const results: SearchResults = {
      hits,
      total: candidates.length,
      page: query.page,
      perPage: query.perPage,
      facets,
      priceRange,
    };
    const didYouMean = correctedQuery(query.q, plan);
    if (didYouMean) results.didYouMean = didYouMean;
    return results;
  }

  async suggest(prefix: string, options: SuggestOptions = {}): Promise<Suggestion[]> {
    const { lang, limit } = suggestOptionsSchema.parse(options);
    const q = parseSearchQuery({ q: prefix }).q;
    if (!q) return [];
    // Only titles: a suggestion must visibly contain what was typed.
    const matched = this.match(planQuery(q, this.dictionary, this.synonyms), ["title"]);
    if (!matched) return [];
    const ranked = firstInOrder([...matched.values()], MAX_SUGGEST_CANDIDATES, compareFor("relevance"));
    const seen = new Set<string>();
    const suggestions: Suggestion[] = [];
    for (const { entry } of ranked) {
      const text = lang === "en" && entry.doc.titleEn ? entry.doc.titleEn : entry.doc.titleTh;
      if (seen.has(text)) continue;
      seen.add(text);
      suggestions.push({ slug: entry.doc.slug, text });
      if (suggestions.length >= limit) break;
    }
    return suggestions;
  }
}

/** The query with each corrected word swapped for the known word it was matched as. */
function correctedQuery(q: string, plan: QueryPlan): string | undefined {
  if (plan.corrections.size === 0) return undefined;
  let text = normalizeText(q);
  for (const [wrong, right] of plan.corrections) text = text.replace(wrong, right);
  return text;
}

export function createBuiltinEngine(options: BuiltinEngineOptions = {}): SearchEngine {
  return new BuiltinEngine(options);
}
