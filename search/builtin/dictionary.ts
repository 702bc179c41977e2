/**
 * The index's vocabulary: every term with at least one live posting, and the Thai words of
 * product names by their sound key. The query planner asks it whether a word is known (known
 * words are never corrected, which keeps "silk" from matching "milk"), which known words a
 * truncated word starts, which are a typo away, and which Thai words sound like what was typed.
 * How common a term is comes from the posting lists (`frequencyOf`), so nothing is counted twice.
 *
 * Prefix and typo lookups use MiniSearch's SearchableMap (a radix tree), through its documented
 * public API only (`minisearch/SearchableMap`: has/set/delete/atPrefix/fuzzyGet); the behaviour
 * relied on is pinned by dictionary.test.ts.
 */
import SearchableMap from "minisearch/SearchableMap";

export type SoundAlike = { term: string; frequency: number; keyDistance: number };

export type DictionarySources = {
  soundKeyOf: (term: string) => string;
  /** Live postings of a term in any field. */
  frequencyOf: (term: string) => number;
  /** Live postings of a term in the fields that name a product (not the story). */
  namedFrequencyOf: (term: string) => number;
};

/** Sound keys shorter than this are only looked up exactly: too many short words are a slip apart. */
const MIN_FUZZY_KEY_LENGTH = 4;
/** A prefix may start thousands of words; past this many only the first ones are ranked. */
const MAX_PREFIX_SCAN = 2_000;

export class TermDictionary {
  private readonly terms = new SearchableMap<true>();
  /** Sound key → Thai name words with that key. */
  private readonly bySound = new Map<string, Set<string>>();
  private readonly soundKeys = new SearchableMap<true>();

  constructor(private readonly sources: DictionarySources) {}

  /** A term got its first live posting. */
  addTerm(term: string): void {
    this.terms.set(term, true);
  }

  /** A term lost its last live posting. */
  removeTerm(term: string): void {
    this.terms.delete(term);
  }

  /** A Thai word now names some product. */
  addName(term: string): void {
    const key = this.sources.soundKeyOf(term);
    let words = this.bySound.get(key);
    if (!words) {
      words = new Set();
      this.bySound.set(key, words);
      this.soundKeys.set(key, true);
    }
    words.add(term);
  }

  /** A Thai word no longer names any product. */
  removeName(term: string): void {
    const key = this.sources.soundKeyOf(term);
    const words = this.bySound.get(key);
    if (!words) return;
    words.delete(term);
    if (words.size === 0) {
      this.bySound.delete(key);
      this.soundKeys.delete(key);
    }
  }

  clear(): void {
    this.terms.clear();
    this.bySound.clear();
    this.soundKeys.clear();
  }

  documentFrequency(term: string): number {
    return this.sources.frequencyOf(term);
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
   * Longer terms starting with `prefix`, most common first, at most `limit`: a two-letter prefix
   * may start thousands of words, and the rare ones add cost without adding results worth seeing.
   */
  extensions(prefix: string, limit: number): { term: string; frequency: number }[] {
    const found: { term: string; frequency: number }[] = [];
    for (const term of this.terms.atPrefix(prefix).keys()) {
      if (term === prefix) continue;
      found.push({ term, frequency: 0 });
      if (found.length >= MAX_PREFIX_SCAN) break;
    }
    if (found.length <= limit) return found;
    for (const entry of found) entry.frequency = this.sources.frequencyOf(entry.term);
    found.sort((a, b) => b.frequency - a.frequency || (a.term < b.term ? -1 : 1));
    return found.slice(0, limit);
  }

  /**
   * Known single words within `maxDistance` edits (a swap of two neighbours counting as one),
   * closest first, then most common first. Compounds are skipped: a correction should be a word
   * the shopper could have meant.
   */
  closest(word: string, maxDistance: number, limit = 3): { term: string; distance: number }[] {
    const found: { term: string; distance: number; frequency: number }[] = [];
    for (const [term, [, distance]] of this.terms.fuzzyGet(word, maxDistance)) {
      if (term === word || term.includes(" ")) continue;
      found.push({ term, distance, frequency: this.sources.frequencyOf(term) });
    }
    // Two letters typed in the wrong order ("scraf") are one slip, though two edits apart.
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] === word[i + 1]) continue;
      const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      if (!this.terms.has(swapped) || found.some((candidate) => candidate.term === swapped)) continue;
      found.push({ term: swapped, distance: 1, frequency: this.sources.frequencyOf(swapped) });
    }
    found.sort((a, b) => a.distance - b.distance || b.frequency - a.frequency || a.term.localeCompare(b.term));
    return found.slice(0, limit).map(({ term, distance }) => ({ term, distance }));
  }

  /** Thai name words whose sound key is `key` or, for longer keys, one edit away from it. */
  soundAlikes(key: string): SoundAlike[] {
    const out: SoundAlike[] = [];
    const collect = (soundKey: string, keyDistance: number) => {
      for (const term of this.bySound.get(soundKey) ?? []) {
        out.push({ term, frequency: this.sources.namedFrequencyOf(term), keyDistance });
      }
    };
    collect(key, 0);
    if ([...key].length >= MIN_FUZZY_KEY_LENGTH) {
      for (const [other, [, distance]] of this.soundKeys.fuzzyGet(key, 1)) if (other !== key) collect(other, distance);
    }
    return out;
  }
}
