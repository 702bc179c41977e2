/**
 * The built-in engine's inverted index: for each field and term, the document slots that hold
 * it and a precomputed score per slot (field boost and term-frequency saturation already applied,
 * so a query only multiplies by the term's rarity in that field, from the list's live count).
 * Stored in growable typed arrays, a few bytes per posting, because a 100k-product catalog has
 * millions of them.
 *
 * Removed documents are not cut out of every list at once (that would scan the longest lists per
 * removal); their slots are dead, and only counted out of `live`, until `compact` rewrites the
 * lists without them.
 */

export class PostingList {
  slots: Int32Array;
  scores: Float32Array;
  length = 0;
  /** Postings of documents still indexed. */
  live = 0;

  constructor(capacity = 4) {
    this.slots = new Int32Array(capacity);
    this.scores = new Float32Array(capacity);
  }

  push(slot: number, score: number): void {
    if (this.length === this.slots.length) this.resize(Math.max(4, this.length * 2));
    this.slots[this.length] = slot;
    this.scores[this.length] = score;
    this.length++;
    this.live++;
  }

  resize(capacity: number): void {
    const slots = new Int32Array(capacity);
    const scores = new Float32Array(capacity);
    slots.set(this.slots.subarray(0, Math.min(this.length, capacity)));
    scores.set(this.scores.subarray(0, Math.min(this.length, capacity)));
    this.slots = slots;
    this.scores = scores;
  }
}

export class PostingStore {
  /** One map per field: term → its list in that field. */
  private readonly lists: Map<string, PostingList>[];
  /** Postings whose slot has since been removed: what a compaction would reclaim. */
  private deadPostings = 0;
  private totalPostings = 0;

  constructor(private readonly fieldCount: number) {
    this.lists = Array.from({ length: fieldCount }, () => new Map());
  }

  get(field: number, term: string): PostingList | undefined {
    return this.lists[field].get(term);
  }

  private readonly touched: PostingList[] = [];

  /**
   * Adds one field of one document (its words in order, repeats included) under `slot`: one
   * posting per distinct word, scored by `scoreOf(term frequency)`. Words that had no live posting
   * in this field before are appended to `gained`. One map lookup per word: a repeat is noticed
   * because the list's last posting is already this slot (slots only grow).
   */
  addField(field: number, slot: number, words: readonly string[], scoreOf: (termFrequency: number) => number, gained: string[]): void {
    const lists = this.lists[field];
    const touched = this.touched;
    touched.length = 0;
    for (const word of words) {
      let list = lists.get(word);
      if (!list) {
        list = new PostingList();
        lists.set(word, list);
      }
      const last = list.length - 1;
      if (last >= 0 && list.slots[last] === slot) {
        list.scores[last]++;
        continue;
      }
      if (list.live === 0) gained.push(word);
      list.push(slot, 1);
      touched.push(list);
    }
    for (const list of touched) list.scores[list.length - 1] = scoreOf(list.scores[list.length - 1]);
    this.totalPostings += touched.length;
  }

  /** Counts a removed document's posting dead; returns true when the field has no live posting of the term left. */
  remove(field: number, term: string): boolean {
    const list = this.lists[field].get(term);
    if (!list) return false;
    list.live--;
    this.deadPostings++;
    return list.live === 0;
  }

  /** Live postings of `term` across the given fields (all by default). */
  live(term: string, fields?: readonly number[]): number {
    let total = 0;
    if (fields) {
      for (const field of fields) total += this.lists[field].get(term)?.live ?? 0;
    } else {
      for (const lists of this.lists) total += lists.get(term)?.live ?? 0;
    }
    return total;
  }

  /** Postings held, dead ones included. */
  get size(): number {
    return this.totalPostings;
  }

  /** Worth compacting once a quarter of the postings (and at least `minimum`) belong to removed documents. */
  needsCompaction(minimum: number): boolean {
    return this.deadPostings > minimum && this.deadPostings * 4 > this.totalPostings;
  }

  /**
   * Rewrites every list through `remap` (old slot → new slot, or -1 for a removed document),
   * keeping slot order, and drops lists left empty.
   */
  compact(remap: Int32Array): void {
    let total = 0;
    for (const lists of this.lists) {
      for (const [term, list] of lists) {
        let kept = 0;
        for (let i = 0; i < list.length; i++) {
          const slot = remap[list.slots[i]];
          if (slot < 0) continue;
          list.slots[kept] = slot;
          list.scores[kept] = list.scores[i];
          kept++;
        }
        list.length = kept;
        list.live = kept;
        if (kept === 0) lists.delete(term);
        else if (kept < list.slots.length / 2) list.resize(kept);
        total += kept;
      }
    }
    this.totalPostings = total;
    this.deadPostings = 0;
  }

  /** Gives back the unused tail of every list (after a bulk build). */
  trim(): void {
    for (const lists of this.lists) for (const list of lists.values()) if (list.length < list.slots.length) list.resize(list.length);
  }

  clear(): void {
    for (const lists of this.lists) lists.clear();
    this.deadPostings = 0;
    this.totalPostings = 0;
  }

  get fields(): number {
    return this.fieldCount;
  }
}
