/**
 * One complete in-memory index: the document table, the posting lists, the vocabulary over them
 * and a matcher reading them, with incremental add/replace/remove. The engine holds one and can
 * build a second beside it and switch to it in one assignment (a full rebuild without an empty
 * or half-filled moment).
 */
import type { SearchDocument } from "../document.ts";
import { thaiSoundKey } from "../thai-spelling.ts";
import { containsThai } from "../tokenizer.ts";
import { TermDictionary } from "./dictionary.ts";
import { DocumentTable } from "./documents.ts";
import { FIELDS, NAME_FIELDS, STORY_FIELD, SharedTermCache, fieldScore, fieldTerms } from "./fields.ts";
import { Matcher } from "./match.ts";
import { PostingStore } from "./postings.ts";

export class BuiltinIndex {
  readonly table = new DocumentTable();
  readonly postings = new PostingStore(FIELDS.length);
  readonly dictionary = new TermDictionary({
    soundKeyOf: thaiSoundKey,
    frequencyOf: (term) => this.postings.live(term),
    namedFrequencyOf: (term) => this.postings.live(term, NAME_FIELDS),
  });
  readonly matcher = new Matcher({ postings: this.postings, dictionary: this.dictionary, table: this.table });
  private readonly sharedTerms = new SharedTermCache();
  private postingsSinceTrim = 0;

  /** @param compactAfter dead postings tolerated before compacting */
  constructor(private readonly compactAfter: number) {}

  /** Adds or replaces documents by slug. */
  add(documents: readonly SearchDocument[]): void {
    const before = this.postings.size;
    const gained: string[] = [];
    this.table.beginBatch(documents.length);
    for (const doc of documents) {
      this.removeOne(doc.slug);
      const terms = fieldTerms(doc, this.sharedTerms);
      const slot = this.table.add(doc);
      for (let field = 0; field < FIELDS.length; field++) {
        const words = terms[FIELDS[field]];
        if (words.length === 0) continue;
        gained.length = 0;
        this.postings.addField(field, slot, words, (frequency) => fieldScore(field, frequency, words.length), gained);
        for (const word of gained) this.gained(field, word);
      }
    }
    this.table.endBatch();
    this.postingsSinceTrim += this.postings.size - before;
    this.tidy();
  }

  remove(slugs: readonly string[]): void {
    this.table.beginBatch(slugs.length);
    for (const slug of slugs) this.removeOne(slug);
    this.table.endBatch();
    this.tidy();
  }

  /** A field got its first live posting of `word`: the vocabulary may have grown. */
  private gained(field: number, word: string): void {
    if (this.postings.live(word) === 1) this.dictionary.addTerm(word);
    if (field !== STORY_FIELD && containsThai(word) && this.postings.live(word, NAME_FIELDS) === 1) this.dictionary.addName(word);
  }

  /** A field lost its last live posting of `word`: the vocabulary may have shrunk. */
  private lost(field: number, word: string): void {
    if (this.postings.live(word) === 0) this.dictionary.removeTerm(word);
    if (field !== STORY_FIELD && containsThai(word) && this.postings.live(word, NAME_FIELDS) === 0) this.dictionary.removeName(word);
  }

  private removeOne(slug: string): void {
    const removed = this.table.remove(slug);
    if (!removed) return;
    // Re-deriving the terms is deterministic, so the index loses exactly what it gained.
    const terms = fieldTerms(removed.doc, this.sharedTerms);
    FIELDS.forEach((name, field) => {
      for (const word of new Set(terms[name])) if (this.postings.remove(field, word)) this.lost(field, word);
    });
  }

  /** Drops dead postings when they pile up, and spare capacity after a large build. */
  private tidy(): void {
    if (this.postings.needsCompaction(this.compactAfter)) this.postings.compact(this.table.compact());
    // Lists grow by doubling; giving back the spare half each time the index has doubled keeps
    // the waste bounded without copying every list after every small batch.
    if (this.postingsSinceTrim > 100_000 && this.postingsSinceTrim * 2 > this.postings.size) {
      this.postings.trim();
      this.postingsSinceTrim = 0;
    }
  }
}
