/**
 * What happens after matching in the built-in engine: the order results are shown in (match tier
 * first, as in our Meilisearch ranking rules, then the chosen sort), the first page of them
 * without sorting the rest, and the mix of groups at the top of a relevance-ranked list.
 */
import type { SearchSort } from "../port.ts";
import type { DocumentTable } from "./documents.ts";
import type { Matched } from "./match.ts";

export type SlotOrder = (a: number, b: number) => number;

/**
 * Every order ends on the slug so equal keys never swap between requests and pages stay
 * disjoint. Without a query (browsing) there is no tier.
 */
export function orderFor(sort: SearchSort, table: DocumentTable, matched: Matched | null): SlotOrder {
  const { price, created, slugRank } = table;
  const bySlug = (a: number, b: number) => slugRank[a] - slugRank[b];
  // Each order is written out in full: this comparison runs once per matched product.
  if (!matched) {
    switch (sort) {
      case "relevance":
      case "newest":
        return (a, b) => created[b] - created[a] || bySlug(a, b);
      case "price-asc":
        return (a, b) => price[a] - price[b] || bySlug(a, b);
      case "price-desc":
        return (a, b) => price[b] - price[a] || bySlug(a, b);
    }
  }
  const { tier, score } = matched;
  switch (sort) {
    case "relevance":
      return (a, b) => tier[b] - tier[a] || score[b] - score[a] || bySlug(a, b);
    case "newest":
      return (a, b) => tier[b] - tier[a] || created[b] - created[a] || bySlug(a, b);
    case "price-asc":
      return (a, b) => tier[b] - tier[a] || price[a] - price[b] || bySlug(a, b);
    case "price-desc":
      return (a, b) => tier[b] - tier[a] || price[b] - price[a] || bySlug(a, b);
  }
}

/** How many of the best results are re-ordered to mix groups; fixed so pages stay disjoint. */
export const DIVERSITY_POOL = 144;
/** Each earlier result from the same group counts a result's score down by this factor. */
const SAME_GROUP_DECAY = 0.85;
const DECAY_POWERS = Array.from({ length: DIVERSITY_POOL + 1 }, (_, n) => SAME_GROUP_DECAY ** n);

/**
 * When several groups sell the same kind of product, the top of the list should show different
 * groups before repeating one. Each next place goes to the best remaining result, unless another
 * result of the same tier and the same kind (product type) scores better once every result its
 * group already has above counts it down by a decay: so equally good products of one kind
 * alternate between groups, a clearly better match still comes first, and a product of another
 * kind is never pulled up just for its group. `ordered` is the first results in relevance order;
 * the result is the same set re-ordered, depending only on the first DIVERSITY_POOL results, so
 * every page cuts the same list.
 */
export function diversifyGroups(ordered: readonly number[], table: DocumentTable, matched: Matched): number[] {
  const pool = ordered.slice(0, DIVERSITY_POOL);
  const { tier, score } = matched;
  const { group, kind } = table;
  const shown = new Map<number, number>();
  const decay = (slot: number) => DECAY_POWERS[Math.min(DECAY_POWERS.length - 1, shown.get(group[slot]) ?? 0)];
  const out: number[] = [];
  const taken = new Uint8Array(pool.length);
  let head = 0;
  while (out.length < pool.length) {
    while (taken[head]) head++;
    const first = pool[head];
    let best = head;
    let bestScore = score[first] * decay(first);
    for (let i = head + 1; i < pool.length; i++) {
      const slot = pool[i];
      if (tier[slot] !== tier[first]) break;
      if (taken[i] || kind[slot] !== kind[first] || score[slot] <= bestScore) continue;
      const adjusted = score[slot] * decay(slot);
      if (adjusted > bestScore) {
        best = i;
        bestScore = adjusted;
      }
    }
    taken[best] = 1;
    const slot = pool[best];
    out.push(slot);
    shown.set(group[slot], (shown.get(group[slot]) ?? 0) + 1);
  }
  return [...out, ...ordered.slice(DIVERSITY_POOL)];
}

/**
 * The first `count` items in `compare` order, sorted, without sorting the rest: a broad query at
 * 100k products matches tens of thousands, of which a page shows 24. A bounded heap keeps the
 * `count` best seen so far (worst at the root), so the cost is n·log(count) instead of n·log(n).
 */
export function firstInOrder<T>(items: ArrayLike<T>, count: number, compare: (a: T, b: T) => number, length = items.length): T[] {
  if (count <= 0) return [];
  if (count * 4 >= length) return Array.from({ length }, (_, i) => items[i]).sort(compare).slice(0, count);
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
  for (let index = 0; index < length; index++) {
    const item = items[index];
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
