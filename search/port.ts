/**
 * The search port: what the storefront, the sync and the CLI may ask of any search engine, and
 * the one zod schema every query goes through. Adapters (builtin/, meili/) implement
 * SearchEngine and receive only parsed queries, so they never see raw user input.
 */
import { z } from "zod";
import { AVAILABILITY, type SearchDocument } from "./document.ts";
import { tokenize, withoutInvisibles } from "./tokenizer.ts";

export const MAX_QUERY_LENGTH = 200;
/** Words of a query searched for; nobody types more into a shop's search box, and each costs a pass. */
export const MAX_QUERY_WORDS = 10;
export const MAX_PER_PAGE = 48;
export const DEFAULT_PER_PAGE = 24;
/** Paging past this is refused by clamping: no shopper pages that deep, bots do. */
export const MAX_PAGE = 500;

export const LANGS = ["th", "en"] as const;
export type Lang = (typeof LANGS)[number];

export const SORTS = ["relevance", "newest", "price-asc", "price-desc"] as const;
export type SearchSort = (typeof SORTS)[number];

/** Filter values are slugs/keys; anything odd is dropped here rather than rejected. */
const filterValues = z
  .array(z.unknown())
  .catch([])
  .transform((values) =>
    values
      .filter((value): value is string => typeof value === "string")
      .map((value) => value.trim())
      .filter((value) => value.length > 0 && value.length <= 100)
      .slice(0, 50),
  );

const satang = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined);

export const searchFiltersSchema = z.object({
  /** Category slugs; a product matches if it is in any of them. */
  category: filterValues.optional(),
  /** Province slugs (Province.slug: "chiang-mai"); any of them. */
  province: filterValues.optional(),
  /** Certification slugs; any of them. */
  certification: filterValues.optional(),
  availability: z.enum(AVAILABILITY).optional().catch(undefined),
  priceMinSatang: satang,
  priceMaxSatang: satang,
  /** "Ships to my province": only products whose group posts or couriers. */
  ships: z.boolean().optional().catch(undefined),
  /** "Pickup near me": only products whose group offers pickup in this province (a Province.slug). */
  pickupIn: z.string().trim().min(1).max(100).optional().catch(undefined),
  /**
   * The buyer's own province (a Province.slug) as they chose it for the two filters above. It
   * narrows nothing by itself: engines ignore it; the page keeps it, and the search log counts it.
   */
  near: z.string().trim().min(1).max(100).optional().catch(undefined),
}).transform((filters) => {
  // A reversed range is a slip of the slider, not a request for nothing.
  const { priceMinSatang: min, priceMaxSatang: max } = filters;
  return min !== undefined && max !== undefined && min > max
    ? { ...filters, priceMinSatang: max, priceMaxSatang: min }
    : filters;
});

export type SearchFilters = z.infer<typeof searchFiltersSchema>;

/**
 * A search request with safe defaults: every field falls back instead of failing, because a
 * search box should answer something for any input. Use `parseSearchQuery` at the boundary.
 */
export const searchQuerySchema = z.object({
  q: z
    .string()
    .catch("")
    .default("")
    // Control characters (tabs, newlines, NUL) are whitespace to a shopper, never part of a word;
    // zero-width and direction marks are nothing at all.
    .transform((q) =>
      withoutInvisibles(q)
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f\s]+/g, " ")
        .trim()
        .slice(0, MAX_QUERY_LENGTH)
        .trim(),
    ),
  lang: z.enum(LANGS).catch("th").default("th"),
  filters: searchFiltersSchema.catch({}).default({}),
  sort: z.enum(SORTS).catch("relevance").default("relevance"),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1).default(1),
  perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).catch(DEFAULT_PER_PAGE).default(DEFAULT_PER_PAGE),
});

export type SearchQuery = z.infer<typeof searchQuerySchema>;
export type SearchQueryInput = z.input<typeof searchQuerySchema>;

export function parseSearchQuery(input: SearchQueryInput | unknown): SearchQuery {
  const parsed = searchQuerySchema.safeParse(input ?? {});
  return parsed.success ? parsed.data : searchQuerySchema.parse({});
}

export type SearchHit = { slug: string; document: SearchDocument };

/** Facet value → number of matching products. Province values are Province.slugs. */
export type FacetCounts = Record<string, number>;

export type SearchFacets = {
  category: FacetCounts;
  province: FacetCounts;
  certification: FacetCounts;
  /** A product that is in stock and made to order counts under both. */
  availability: { ready: number; "made-to-order": number };
  /** Products whose group ships, and whose group offers pickup (anywhere). */
  delivery: { ships: number; pickup: number };
};

export type SearchResults = {
  hits: SearchHit[];
  /** Products matching the query and filters, across all pages. */
  total: number;
  page: number;
  perPage: number;
  /** Counts over the whole filtered result set, not just this page. */
  facets: SearchFacets;
  /** Cheapest and dearest product in the filtered result set; null when nothing matched. */
  priceRange: { min: number; max: number } | null;
  /** A corrected query, offered when some query word is unknown and a known word is close. */
  didYouMean?: string;
};

export type Suggestion = { slug: string; text: string };

export const suggestOptionsSchema = z.object({
  lang: z.enum(LANGS).catch("th").default("th"),
  limit: z.coerce.number().int().min(1).max(20).catch(8).default(8),
});
export type SuggestOptions = z.input<typeof suggestOptionsSchema>;

export interface SearchEngine {
  readonly name: string;
  /** Creates the index and applies settings; idempotent, call at boot and before reindexing. */
  init(): Promise<void>;
  /** Adds or replaces documents by slug. */
  index(documents: readonly SearchDocument[]): Promise<void>;
  /** Removes documents by slug; unknown slugs are ignored. */
  remove(slugs: readonly string[]): Promise<void>;
  clear(): Promise<void>;
  /**
   * Replaces the whole index with the documents of `batches`, building it beside the one that
   * answers and switching over at the end: searches never see an empty or half-filled index.
   */
  replaceAll(batches: AsyncIterable<readonly SearchDocument[]>): Promise<{ indexed: number }>;
  /** Accepts raw input too: it is parsed with searchQuerySchema first. */
  search(query: SearchQueryInput): Promise<SearchResults>;
  /** Product titles in `lang` that match what has been typed so far. */
  suggest(prefix: string, options?: SuggestOptions): Promise<Suggestion[]>;
  /** True when the engine can answer searches. */
  ping(): Promise<boolean>;
}

export function emptyFacets(): SearchFacets {
  return {
    category: {},
    province: {},
    certification: {},
    availability: { ready: 0, "made-to-order": 0 },
    delivery: { ships: 0, pickup: 0 },
  };
}

/**
 * A query that has text but no word to search for (only punctuation, emoji or symbols): engines
 * answer it with nothing rather than with everything, and the page says why.
 */
export function isWordless(q: string): boolean {
  return q.trim() !== "" && tokenize(q).length === 0;
}

/** Thai script in the query → "th"; the CLI and API use this when no language is given. */
export function inferLang(q: string): Lang {
  return /[\u0E00-\u0E7F]/.test(q) ? "th" : "en";
}
