/**
 * Text → terms, shared by indexing and querying so both sides always agree.
 *
 * Thai is written without spaces, so words come from Intl.Segmenter('th'); Latin runs are then
 * split on anything that is not a letter or digit and lightly stemmed (plural "s"), so "Bananas",
 * "banana" and "BANANA" meet. Adjacent words inside one unbroken run are also emitted as
 * compound terms ("ผ้า"+"ไหม" → "ผ้าไหม", "chili"+"paste" → "chili paste"): a query for the whole
 * word then matches it exactly even when the segmenter splits it differently in context.
 */

const segmenter = new Intl.Segmenter("th", { granularity: "word" });

const THAI = /[\u0E00-\u0E7F]/;
const LATIN_WORD = /[\p{L}\p{N}]+/gu;
// Sara am (ำ) decomposes under NFKC into nikhahit + sara aa, which changes how ICU segments
// ("ลำไย" → "ลํา"+"ไย"); users also type it as the two-key sequence, so fold both to ำ.
const SPLIT_SARA_AM = /\u0E4D\u0E32/g;
const COMBINING_LATIN_MARKS = /[\u0300-\u036f]/g;

export function containsThai(text: string): boolean {
  return THAI.test(text);
}

/** NFKC (full-width → ASCII), lower case, Latin accents dropped, Thai marks kept. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(SPLIT_SARA_AM, "\u0E33")
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_LATIN_MARKS, "")
    .normalize("NFC");
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

/** One word with where it sits: words of the same run may be joined into compounds. */
export type Token = { term: string; run: number; thai: boolean };

/**
 * Words of a text in order. `run` numbers unbroken stretches: Thai words touching each other, or
 * Latin words separated only by spaces/hyphens. Punctuation and script changes start a new run.
 */
export function tokenizeDetailed(text: string): Token[] {
  const tokens: Token[] = [];
  let run = 0;
  let lastWasWord = false;
  for (const part of segmenter.segment(normalizeText(text))) {
    if (!part.isWordLike) {
      // Whitespace and hyphens keep Latin phrases together; Thai words never span a space.
      if (!/^[\s-]+$/.test(part.segment) || tokens.at(-1)?.thai) run++;
      lastWasWord = false;
      continue;
    }
    const segment = part.segment;
    if (containsThai(segment)) {
      const prev = tokens.at(-1);
      if (!lastWasWord || !prev?.thai) run++;
      tokens.push({ term: segment, run, thai: true });
    } else {
      if (tokens.at(-1)?.thai) run++;
      // "women's" → "women": a lone "s" would only add noise.
      const words = segment.replace(/['’]s$/u, "").match(LATIN_WORD) ?? [];
      for (const word of words) tokens.push({ term: stemLatin(word), run, thai: false });
    }
    lastWasWord = true;
  }
  return tokens;
}

/** The words of a text, normalized, in order (duplicates kept). */
export function tokenize(text: string): string[] {
  return tokenizeDetailed(text).map((token) => token.term);
}

/** How two adjacent words of one run are written as a single compound term. */
export function joinCompound(left: Token, right: Token): string {
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
  const tokens = tokenizeDetailed(text);
  return [...tokens.map((token) => token.term), ...compounds(tokens)];
}
