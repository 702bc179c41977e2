/**
 * What happens after matching in the built-in engine: filters, facet counts, price range,
 * ordering and paging. Pure functions over documents, so they are easy to test and to reason
 * about against the Meilisearch behaviour they mirror.
 */
import type { SearchDocument } from "../document.ts";
import { type SearchFacets, type SearchFilters, type SearchSort, emptyFacets } from "../port.ts";

/** A document with what the engine precomputed for it. */
export type Entry = { doc: SearchDocument; certifications: readonly string[] };

export function entryOf(doc: SearchDocument): Entry {
  // Deduplicated once here so facet counting allocates nothing per matched product.
  return { doc, certifications: [...new Set(doc.certifications)] };
}

/** Relevance of a matched entry: query concepts matched first (like Meilisearch "words"), then score. */
export type Ranked = { entry: Entry; tier: number; score: number };

function anyOf(values: readonly string[] | undefined): Set<string> | null {
  // An empty list is "no filter", the same as leaving the facet untouched in the UI.
  return values && values.length > 0 ? new Set(values) : null;
}

/** Unknown values simply match nothing. */
export function filterPredicate(filters: SearchFilters): (entry: Entry) => boolean {
  const categories = anyOf(filters.category);
  const provinces = anyOf(filters.province);
  const certifications = anyOf(filters.certification);
  const { availability, priceMinSatang: min, priceMaxSatang: max } = filters;
  return ({ doc }) =>
    (!categories || categories.has(doc.categorySlug)) &&
    (!provinces || provinces.has(doc.provinceSlug)) &&
    (!certifications || doc.certifications.some((slug) => certifications.has(slug))) &&
    (availability !== "ready" || doc.inStock) &&
    (availability !== "made-to-order" || doc.madeToOrder) &&
    (min === undefined || doc.priceSatang >= min) &&
    (max === undefined || doc.priceSatang <= max);
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export function facetsOf(entries: readonly Ranked[]): {
  facets: SearchFacets;
  priceRange: { min: number; max: number } | null;
} {
  const facets = emptyFacets();
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const { entry } of entries) {
    const { doc } = entry;
    bump(facets.category, doc.categorySlug);
    bump(facets.province, doc.provinceSlug);
    for (const slug of entry.certifications) bump(facets.certification, slug);
    if (doc.inStock) facets.availability.ready++;
    if (doc.madeToOrder) facets.availability["made-to-order"]++;
    min = Math.min(min, doc.priceSatang);
    max = Math.max(max, doc.priceSatang);
  }
  return { facets, priceRange: entries.length > 0 ? { min, max } : null };
}

const bySlug = (a: Ranked, b: Ranked) => (a.entry.doc.slug < b.entry.doc.slug ? -1 : a.entry.doc.slug > b.entry.doc.slug ? 1 : 0);

/**
 * Every order ends on the slug so equal keys never swap between requests and pages stay
 * disjoint. Match tier comes before the chosen sort, as in our Meilisearch ranking rules.
 */
export function compareFor(sort: SearchSort): (a: Ranked, b: Ranked) => number {
  switch (sort) {
    case "relevance":
      return (a, b) => b.tier - a.tier || b.score - a.score || bySlug(a, b);
    case "newest":
      return (a, b) => b.tier - a.tier || b.entry.doc.createdAt - a.entry.doc.createdAt || bySlug(a, b);
    case "price-asc":
      return (a, b) => b.tier - a.tier || a.entry.doc.priceSatang - b.entry.doc.priceSatang || bySlug(a, b);
    case "price-desc":
      return (a, b) => b.tier - a.tier || b.entry.doc.priceSatang - a.entry.doc.priceSatang || bySlug(a, b);
  }
}

/**
 * The first `count` items in `compare` order, sorted, without sorting the rest: a broad query at
 * 100k products matches tens of thousands, of which a page shows 24. A bounded heap keeps the
 * `count` best seen so far (worst at the root), so the cost is n·log(count) instead of n·log(n).
 */
export function firstInOrder<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  if (count <= 0) return [];
  if (count * 4 >= items.length) return [...items].sort(compare).slice(0, count);
  const heap: T[] = [];
  // Max-heap by `compare`: heap[0] is the worst of the kept items.
  const worse = (i: number, j: number) => compare(heap[i], heap[j]) > 0;
  const swap = (i: number, j: number) => {
    const t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  };
  const siftDown = (i: number) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let top = i;
      if (left < heap.length && worse(left, top)) top = left;
      if (right < heap.length && worse(right, top)) top = right;
      if (top === i) return;
      swap(i, top);
      i = top;
    }
  };
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (compare(item, heap[0]) < 0) {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}
