/**
 * Text → terms, shared by indexing and querying so both sides always agree.
 *
 * Thai is written without spaces, so words come from Intl.Segmenter('th'); Latin runs are then
 * split on anything that is not a letter or digit and lightly stemmed (plural "s"), so "Bananas",
 * "banana" and "BANANA" meet. Adjacent words inside one unbroken run are also emitted as
 * compound terms ("ผ้า"+"ไหม" → "ผ้าไหม", "chili"+"paste" → "chili paste"): a query for the whole
 * word then matches it exactly even when the segmenter splits it differently in context.
 */

import { foldThaiMarks } from "./thai-spelling.ts";

const segmenter = new Intl.Segmenter("th", { granularity: "word" });

const THAI = /[\u0E00-\u0E7F]/;
const LATIN_WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** Plain ASCII and Thai need no Unicode normalisation, which is most of the cost of indexing. */
const NEEDS_UNICODE_NORMALIZATION = /[^\t\n\r\x20-\x7e\u0E00-\u0E7F]/;
const COMBINING_LATIN_MARKS = /[\u0300-\u036f]/g;
/**
 * Characters that change nothing a reader sees: zero-width spaces and joiners (Thai text often
 * carries U+200B between words), bidirectional marks and overrides, the soft hyphen, variation
 * selectors, the byte-order mark. They would otherwise split or glue words invisibly.
 */
// Written as an alternation: in one character class ESLint reads a mark after a letter as one glyph.
const INVISIBLE = /\u00ad|\u034f|\u061c|\u180e|[\u200b-\u200f]|[\u202a-\u202e]|[\u2060-\u206f]|[\ufe00-\ufe0f]|\ufeff/g;
/**
 * One stretch of the text: a Thai run (segmented by ICU afterwards), a word in another script
 * (Thai letters are letters too, hence the lookaheads: "silkไหม" is two words),
 * a gap of spaces and hyphens, or any other single character (punctuation, emoji, symbols).
 */
const PIECE = /([\u0E01-\u0E4E\u0E50-\u0E59]+)|((?:(?![\u0E00-\u0E7F])[\p{L}\p{N}\p{M}])+(?:['’](?:(?![\u0E00-\u0E7F])[\p{L}\p{M}])+)*)|([\s\-\u2010-\u2015]+)|[^]/gu;

/** Text without the invisible characters above: what a query is kept, shown and logged as. */
export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLE, "");
}

export function containsThai(text: string): boolean {
  return THAI.test(text);
}

/**
 * NFKC (full-width → ASCII), lower case, Latin accents dropped, invisible characters removed,
 * Thai marks kept but put in their one proper order (see thai-spelling.ts: ำ typed as ํ+า, a tone
 * mark typed before its vowel or twice, เเ for แ).
 */
export function normalizeText(text: string): string {
  let out = text.replace(INVISIBLE, "");
  out = NEEDS_UNICODE_NORMALIZATION.test(out)
    ? out.normalize("NFKC").toLowerCase().normalize("NFD").replace(COMBINING_LATIN_MARKS, "").normalize("NFC")
    : out.toLowerCase();
  return foldThaiMarks(out);
}

/**
 * Crude English plural folding. It only has to be consistent between index and query, not
 * linguistically right ("shoes" → "sho" is harmless because both sides do it).
 */
export function stemLatin(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (/(ch|sh|x|o)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * One word with where it sits: words of the same run may be joined into compounds; `start` and
 * `end` are its offsets in the normalised text (normalizeText), for replacing it in place.
 */
export type Token = { term: string; run: number; thai: boolean; start: number; end: number };

type WordVisitor = (term: string, run: number, thai: boolean, start: number, end: number) => void;

/**
 * Calls `visit` for each word of a text in order. `run` numbers unbroken stretches: Thai words
 * touching each other, or Latin words separated only by spaces/hyphens. Punctuation and script
 * changes start a new run. Only Thai runs go through the ICU segmenter; other words are split by
 * their letters, which is what ICU did with them anyway, at a fraction of the cost.
 */
function walkWords(text: string, visit: WordVisitor): void {
  let run = 0;
  // True while Latin words may still join the current run: after a word and across spaces.
  let latinRunOpen = false;
  for (const piece of normalizeText(text).matchAll(PIECE)) {
    const [whole, thai, word, gap] = piece;
    if (thai !== undefined) {
      run++;
      let lastWasWord = true;
      for (const part of segmenter.segment(thai)) {
        if (!part.isWordLike) {
          lastWasWord = false;
          continue;
        }
        if (!lastWasWord) run++;
        const start = piece.index + part.index;
        visit(part.segment, run, true, start, start + part.segment.length);
        lastWasWord = true;
      }
      latinRunOpen = false;
    } else if (word !== undefined) {
      if (!latinRunOpen) run++;
      // "women's" → "women": a lone "s" would only add noise.
      for (const latin of word.replace(/['’]s$/u, "").matchAll(LATIN_WORD)) {
        const start = piece.index + latin.index;
        visit(stemLatin(latin[0]), run, false, start, start + latin[0].length);
      }
      latinRunOpen = true;
    } else if (gap === undefined && whole) {
      latinRunOpen = false;
    }
  }
}

/** The words of a text with where they sit (see walkWords). */
export function tokenizeDetailed(text: string): Token[] {
  const tokens: Token[] = [];
  walkWords(text, (term, run, thai, start, end) => tokens.push({ term, run, thai, start, end }));
  return tokens;
}

/** The words of a text, normalized, in order (duplicates kept). */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  walkWords(text, (term) => terms.push(term));
  return terms;
}

/** How two adjacent words of one run are written as a single compound term. */
export function joinCompound(left: Pick<Token, "term" | "thai">, right: Pick<Token, "term" | "thai">): string {
  return left.thai && right.thai ? left.term + right.term : `${left.term} ${right.term}`;
}

/** Compound terms of adjacent words within a run. */
export function compounds(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const left = tokens[i - 1];
    const right = tokens[i];
    if (left.run === right.run && left.thai === right.thai) out.push(joinCompound(left, right));
  }
  return out;
}

/** Words plus adjacent-pair compounds: what names and titles are indexed with. */
export function tokenizeWithCompounds(text: string): string[] {
  const terms: string[] = [];
  const joined: string[] = [];
  let previous = "";
  let previousRun = -1;
  let previousThai = false;
  walkWords(text, (term, run, thai) => {
    terms.push(term);
    if (run === previousRun && thai === previousThai) joined.push(thai ? previous + term : `${previous} ${term}`);
    previous = term;
    previousRun = run;
    previousThai = thai;
  });
  for (const term of joined) terms.push(term);
  return terms;
}
