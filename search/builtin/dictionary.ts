/**
 * Every term in the index with the number of documents holding it. The query planner asks it
 * whether a word is known (known words are never typo-corrected, which keeps "silk" from
 * matching "milk"), which known words a truncated word starts, and which are a typo away.
 */
import SearchableMap from "minisearch/SearchableMap";

export class TermDictionary {
  private readonly terms = new SearchableMap<number>();

  addDocument(terms: Iterable<string>): void {
    for (const term of new Set(terms)) this.terms.update(term, (count) => (count ?? 0) + 1);
  }

  /**
   * Adds many documents at once: counts are summed in a plain Map first, so the radix tree is
   * touched once per distinct term rather than once per term per document (a bulk build's cost).
   */
  addDocuments(documents: Iterable<Iterable<string>>): void {
    const counts = new Map<string, number>();
    for (const terms of documents) for (const term of new Set(terms)) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) this.terms.update(term, (existing) => (existing ?? 0) + count);
  }

  removeDocument(terms: Iterable<string>): void {
    for (const term of new Set(terms)) {
      const count = this.terms.get(term) ?? 0;
      if (count <= 1) this.terms.delete(term);
      else this.terms.set(term, count - 1);
    }
  }

  clear(): void {
    this.terms.clear();
  }

  documentFrequency(term: string): number {
    return this.terms.get(term) ?? 0;
  }

  has(term: string): boolean {
    return this.terms.has(term);
  }

  /** True when some indexed term starts with `prefix` (including the term itself). */
  hasPrefix(prefix: string): boolean {
    for (const _ of this.terms.atPrefix(prefix).keys()) return true;
    return false;
  }

  /**
   * Known single words within `maxDistance` edits, closest first, then most common first.
   * Compounds are skipped: a correction should be a word the shopper could have meant.
   */
  closest(word: string, maxDistance: number, limit = 3): { term: string; distance: number }[] {
    const found: { term: string; distance: number; frequency: number }[] = [];
    for (const [term, [frequency, distance]] of this.terms.fuzzyGet(word, maxDistance)) {
      if (term === word || term.includes(" ")) continue;
      found.push({ term, distance, frequency });
    }
    found.sort((a, b) => a.distance - b.distance || b.frequency - a.frequency || a.term.localeCompare(b.term));
    return found.slice(0, limit).map(({ term, distance }) => ({ term, distance }));
  }
}
