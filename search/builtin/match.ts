/**
 * Running a query plan over the postings: each concept is matched separately so a product can be
 * ranked by how many of the shopper's words it matches (its tier, as Meilisearch's "words" rule)
 * before how well (its score). Everything is accumulated in typed arrays indexed by slot, so a
 * broad query over 100k products costs a pass over its posting lists and nothing per product
 * beyond a few array writes.
 */
import { ALIVE, type DocumentTable } from "./documents.ts";
import { FIELDS, STORY_FIELD, TITLE_FIELD } from "./fields.ts";
import type { TermDictionary } from "./dictionary.ts";
import type { QueryPlan, Variant } from "./plan.ts";
import type { PostingStore } from "./postings.ts";

/** A query word matched only in a story counts half toward the match tier. */
const STORY_ONLY_TIER = 0.5;
const BONUS_WEIGHT = 0.5;
/** MiniSearch's defaults for words a prefix was completed to, which the ranking was tuned with. */
const PREFIX_WEIGHT = 0.375;
const MAX_PREFIX_EXTENSIONS = 64;

const ALL_FIELDS = FIELDS.map((_, index) => index);

/**
 * Matched live slots (`count` of them, in `slots`) with their tier and score by slot. The arrays
 * are the matcher's and are reused: a result is valid until the same buffer is matched into again.
 * Allocating them per query (megabytes at 100k products) made V8 collect garbage mid-query.
 */
export class Matched {
  slots = new Int32Array(0);
  count = 0;
  tier = new Float32Array(0);
  score = new Float64Array(0);
  maxTier = 0;

  /** Ready for a new match over `size` slots: grown, or the previous match's entries cleared. */
  reset(size: number): void {
    if (size > this.tier.length) {
      const capacity = Math.max(size, this.tier.length * 2, 1024);
      this.slots = new Int32Array(capacity);
      this.tier = new Float32Array(capacity);
      this.score = new Float64Array(capacity);
    } else {
      for (let i = 0; i < this.count; i++) {
        this.tier[this.slots[i]] = 0;
        this.score[this.slots[i]] = 0;
      }
    }
    this.count = 0;
    this.maxTier = 0;
  }
}

export type MatchContext = { postings: PostingStore; dictionary: TermDictionary; table: DocumentTable };

/** Reusable per-engine scratch space; every array is returned to zero after use. */
class Scratch {
  size = 0;
  variantScore = new Float64Array(0);
  variantStrong = new Uint8Array(0);
  variantCount = new Uint8Array(0);
  termMark = new Int32Array(0);
  conceptScore = new Float64Array(0);
  conceptStrong = new Uint8Array(0);
  variantTouched = new Int32Array(0);
  conceptTouched = new Int32Array(0);
  termGeneration = 0;

  ensure(size: number): void {
    if (size <= this.size) return;
    const n = Math.max(size, this.size * 2, 1024);
    this.variantScore = new Float64Array(n);
    this.variantStrong = new Uint8Array(n);
    this.variantCount = new Uint8Array(n);
    this.termMark = new Int32Array(n);
    this.conceptScore = new Float64Array(n);
    this.conceptStrong = new Uint8Array(n);
    this.variantTouched = new Int32Array(n);
    this.conceptTouched = new Int32Array(n);
    this.termGeneration = 0;
    this.size = n;
  }
}

export class Matcher {
  private readonly scratch = new Scratch();
  /** Two result buffers, so a query retried with corrections can be compared with the first try. */
  private readonly buffers = [new Matched(), new Matched()];

  constructor(private readonly context: MatchContext) {}

  /** Rarity of a term in one field, as BM25 (and MiniSearch) weigh it. */
  private idf(matching: number): number {
    const documents = Math.max(1, this.context.table.live);
    return Math.log(1 + (documents - matching + 0.5) / (matching + 0.5));
  }

  /**
   * Adds one query term (and, for a prefix, the words it starts) to the variant accumulators.
   * A product is counted once per query term, however many fields and completions hold it.
   */
  private addTerm(term: string, prefix: boolean, weight: number, fields: readonly number[], touchedCount: number): number {
    const s = this.scratch;
    const { table, postings, dictionary } = this.context;
    const generation = ++s.termGeneration;
    const words = [{ term, weight: 1 }];
    if (prefix) {
      for (const { term: longer } of dictionary.extensions(term, MAX_PREFIX_EXTENSIONS)) {
        words.push({ term: longer, weight: (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * (longer.length - term.length)) });
      }
    }
    for (const word of words) {
      for (const field of fields) {
        const list = postings.get(field, word.term);
        if (!list) continue;
        const factor = weight * word.weight * this.idf(list.live);
        const strong = field !== STORY_FIELD ? 1 : 0;
        const { slots, scores, length } = list;
        // Locals, not property reads: this loop runs once per posting of every query word.
        const { termMark, variantCount, variantTouched, variantScore, variantStrong } = s;
        const alive = table.flags;
        for (let i = 0; i < length; i++) {
          const slot = slots[i];
          if ((alive[slot] & ALIVE) === 0) continue;
          if (termMark[slot] !== generation) {
            termMark[slot] = generation;
            if (variantCount[slot] === 0) variantTouched[touchedCount++] = slot;
            variantCount[slot]++;
          }
          variantScore[slot] += factor * scores[i];
          if (strong) variantStrong[slot] = 1;
        }
      }
    }
    return touchedCount;
  }

  /** The concept's best variant per product, into the concept accumulators. */
  private addVariant(variant: Variant, fields: readonly number[], conceptCount: number): number {
    const s = this.scratch;
    let touched = 0;
    for (const term of variant.terms) touched = this.addTerm(term, variant.prefix, variant.weight, fields, touched);
    const needed = variant.terms.length;
    for (let i = 0; i < touched; i++) {
      const slot = s.variantTouched[i];
      if (s.variantCount[slot] === needed) {
        // As MiniSearch scores an AND query: the sum times the number of terms matched.
        const score = s.variantScore[slot] * needed;
        if (s.conceptScore[slot] === 0) s.conceptTouched[conceptCount++] = slot;
        if (score > s.conceptScore[slot]) {
          s.conceptScore[slot] = score;
          s.conceptStrong[slot] = s.variantStrong[slot];
        }
      }
      s.variantCount[slot] = 0;
      s.variantScore[slot] = 0;
      s.variantStrong[slot] = 0;
    }
    return conceptCount;
  }

  /** Matched products with tier and score, or null when the plan has no words (browse all). */
  match(plan: QueryPlan, options: { titlesOnly?: boolean; buffer?: 0 | 1 } = {}): Matched | null {
    if (plan.concepts.length === 0) return null;
    const { table, postings } = this.context;
    const size = table.size;
    this.scratch.ensure(size);
    const s = this.scratch;
    const fields = options.titlesOnly ? [TITLE_FIELD] : ALL_FIELDS;
    const result = this.buffers[options.buffer ?? 0];
    result.reset(size);
    const { tier, score, slots: matched } = result;
    let count = 0;
    for (const concept of plan.concepts) {
      let conceptCount = 0;
      // A concept scores as its best variant: a product described as both "silk" and "ไหม" is
      // not twice as silky, and summing would let a many-synonym concept drown the others.
      for (const variant of concept.variants) conceptCount = this.addVariant(variant, fields, conceptCount);
      for (let i = 0; i < conceptCount; i++) {
        const slot = s.conceptTouched[i];
        if (tier[slot] === 0) matched[count++] = slot;
        tier[slot] += s.conceptStrong[slot] ? 1 : STORY_ONLY_TIER;
        score[slot] += s.conceptScore[slot];
        s.conceptScore[slot] = 0;
        s.conceptStrong[slot] = 0;
      }
    }
    for (const term of plan.bonusTerms) {
      for (const field of fields) {
        const list = postings.get(field, term);
        if (!list) continue;
        const factor = BONUS_WEIGHT * this.idf(list.live);
        for (let i = 0; i < list.length; i++) {
          const slot = list.slots[i];
          if (tier[slot] > 0) score[slot] += factor * list.scores[i];
        }
      }
    }
    let maxTier = 0;
    for (let i = 0; i < count; i++) if (tier[matched[i]] > maxTier) maxTier = tier[matched[i]];
    result.count = count;
    result.maxTier = maxTier;
    return result;
  }
}
