/**
 * Spelling forgiveness for the Meilisearch adapter, as far as Meilisearch allows. Its typo
 * tolerance is off for Thai (one edit turns most short Thai words into other words) and its Thai
 * segmentation is its own, so misspelt Thai is handled with a field of our making: every Thai
 * word and compound naming a product, as its sound key (thai-spelling.ts) written in Latin
 * letters so Meilisearch keeps each key one word. When a search finds nothing or only inexact
 * matches, the query's Thai spans are looked up by key in that field, and the words found
 * replace the misspelt spans in place; unknown Latin words are corrected from the vocabulary.
 */
import type { SearchDocument } from "../document.ts";
import { synonymTable } from "../synonyms.ts";
import { spellingDistance, thaiSoundKey } from "../thai-spelling.ts";
import { type Token, containsThai, normalizeText, tokenizeDetailed, tokenizeWithCompounds } from "../tokenizer.ts";

const MAX_SPAN_WORDS = 4;

/** A Thai sound key as one Latin word: "s" + two letters (a–p) per Thai character. */
export function encodeSoundKey(key: string): string {
  let out = "s";
  for (const char of key) {
    const code = (char.codePointAt(0) ?? 0) - 0x0e00;
    if (code < 0 || code > 0x7f) continue;
    out += String.fromCharCode(97 + (code >> 4), 97 + (code & 15));
  }
  return out;
}

/** The Thai words and compounds naming a product, and their encoded sound keys in the same order. */
export function soundFields(doc: SearchDocument): { soundKeys: string; soundWords: string[] } {
  const words = new Set<string>();
  for (const text of [doc.titleTh, doc.productType, doc.groupNameTh, doc.categoryNameTh, doc.provinceTh]) {
    for (const term of tokenizeWithCompounds(text)) if (containsThai(term)) words.add(term);
  }
  const soundWords = [...words];
  return { soundKeys: soundWords.map((word) => encodeSoundKey(thaiSoundKey(word))).join(" "), soundWords };
}

type Span = { start: number; end: number; typed: string; key: string };

/** Every run of up to four adjacent Thai words of the query, longest first. */
export function thaiSpans(q: string): Span[] {
  const tokens = tokenizeDetailed(q);
  const spans: Span[] = [];
  const adjacent = (a: Token, b: Token) => a.thai && b.thai && a.run === b.run && a.end === b.start;
  for (let length = MAX_SPAN_WORDS; length >= 1; length--) {
    for (let from = 0; from + length <= tokens.length; from++) {
      const slice = tokens.slice(from, from + length);
      if (!slice[0].thai || !slice.every((token, i) => i === 0 || adjacent(slice[i - 1], token))) continue;
      const typed = slice.map((token) => token.term).join("");
      spans.push({ start: slice[0].start, end: slice.at(-1)!.end, typed, key: encodeSoundKey(thaiSoundKey(typed)) });
    }
  }
  return spans;
}

/** Words found for sound keys: from the soundKeys/soundWords of the products a key search returned. */
export function wordsByKey(hits: readonly { soundKeys?: string; soundWords?: string[] }[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const hit of hits) {
    const keys = (hit.soundKeys ?? "").split(" ");
    keys.forEach((key, i) => {
      const word = hit.soundWords?.[i];
      if (!word) return;
      const words = out.get(key) ?? new Set();
      words.add(word);
      out.set(key, words);
    });
  }
  return out;
}

/**
 * The Thai spans of `q` replaced by the product words that sound like them (longest spans first,
 * never overlapping, only where the word differs and is a plausible slip away), with the text
 * between them kept as typed, and how many spans were replaced.
 */
export function correctThai(q: string, found: ReadonlyMap<string, ReadonlySet<string>>): { text: string; corrections: number } {
  const text = normalizeText(q);
  const chosen: { start: number; end: number; word: string }[] = [];
  for (const span of thaiSpans(q)) {
    if (chosen.some((c) => span.start < c.end && c.start < span.end)) continue;
    let best: { word: string; cost: number } | null = null;
    for (const word of found.get(span.key) ?? []) {
      const cost = spellingDistance(span.typed, word);
      if (word === span.typed) {
        best = null;
        break;
      }
      if (cost <= Math.min(2, 0.35 + 0.2 * [...span.typed].length) && (!best || cost < best.cost)) best = { word, cost };
    }
    if (best) chosen.push({ start: span.start, end: span.end, word: best.word });
  }
  let out = text;
  for (const { start, end, word } of chosen.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + word + out.slice(end);
  return { text: out, corrections: chosen.length };
}

/** Latin vocabulary words: what an unknown Latin query word can be corrected to. */
const VOCABULARY_WORDS = [
  ...new Set(synonymTable.groups.flatMap((group) => group.memberTerms.flat()).filter((word) => /^[a-z]{3,}$/.test(word))),
];

/** Edit distance where swapping two neighbouring letters ("scraf") counts as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/** Unknown Latin words of `text` replaced in place by the closest vocabulary word. */
export function correctLatin(text: string): { text: string; corrections: number } {
  let out = normalizeText(text);
  let corrections = 0;
  // Right to left, so the offsets of the words not yet replaced stay valid.
  for (const token of tokenizeDetailed(out).reverse()) {
    const word = token.term;
    if (token.thai || !/^[a-z]{4,}$/.test(word) || VOCABULARY_WORDS.includes(word)) continue;
    const limit = word.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of VOCABULARY_WORDS) {
      if (Math.abs(candidate.length - word.length) > limit) continue;
      const distance = editDistance(word, candidate);
      if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
    }
    if (!best) continue;
    out = out.slice(0, token.start) + best + out.slice(token.end);
    corrections++;
  }
  return { text: out, corrections };
}
