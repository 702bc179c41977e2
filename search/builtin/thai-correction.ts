/**
 * Correcting a Thai query the way buyers type it. A misspelt Thai word is segmented
 * unpredictably ("น้ำพิก" → "น้ำ"+"พิก", "กาแฝ" → "กา"+"แฝ"), so corrections work on spans of
 * adjacent query words: the longest span around an unknown word whose sound key
 * (thai-spelling.ts) matches a word or compound of some product's name wins, and the span is
 * replaced by that word. Only the span changes; the rest of the query stays as typed.
 */
import { spellingDistance, thaiSoundKey } from "../thai-spelling.ts";
import { type Token, tokenizeDetailed } from "../tokenizer.ts";
import type { TermDictionary } from "./dictionary.ts";

/** A replaced stretch of the normalised query: [start, end) → `meant`. */
export type Correction = { start: number; end: number; typed: string; meant: string };

const MAX_SPAN_WORDS = 4;
/** A fuzzy sound-key match is weaker evidence than an exact one. */
const KEY_DISTANCE_COST = 0.75;

/** How far (in weighted edits) a correction may be from what was typed: more for longer text. */
function allowedDistance(typed: string): number {
  return Math.min(2, 0.35 + 0.2 * [...typed].length);
}

/**
 * The name word that `typed` most likely means, or null when none is close enough. Between words
 * equally close, one that `fits` (makes a known compound with the words beside it: ย้อม+คราม, not
 * ย้อม+ความ, for "ย้อมคาม") wins, then the more common one.
 */
export function closestNameWord(typed: string, dictionary: TermDictionary, fits: (term: string) => boolean = () => false): string | null {
  let best: { term: string; cost: number; fits: boolean; frequency: number } | null = null;
  const limit = allowedDistance(typed);
  for (const alike of dictionary.soundAlikes(thaiSoundKey(typed))) {
    if (alike.term === typed) return null; // what was typed is itself a name word
    const cost = spellingDistance(typed, alike.term) + alike.keyDistance * KEY_DISTANCE_COST;
    if (cost > limit) continue;
    const candidate = { term: alike.term, cost, fits: false, frequency: alike.frequency };
    if (best && cost > best.cost) continue;
    candidate.fits = fits(alike.term);
    if (
      !best ||
      cost < best.cost ||
      (candidate.fits && !best.fits) ||
      (candidate.fits === best.fits && (alike.frequency > best.frequency || (alike.frequency === best.frequency && alike.term < best.term)))
    ) {
      best = candidate;
    }
  }
  return best?.term ?? null;
}

function contiguous(tokens: readonly Token[], from: number, to: number): boolean {
  for (let j = from; j < to - 1; j++) {
    if (!tokens[j].thai || tokens[j].run !== tokens[j + 1].run || tokens[j].end !== tokens[j + 1].start) return false;
  }
  return tokens[to - 1].thai;
}

export type CorrectionMode = {
  /** The last word may still be being typed; it is kept when known words start with it. */
  prefixEnd: boolean;
  /**
   * Also try words the index knows (a real word can be the wrong one: ไข for ไข่). Used only when
   * the query as typed found nothing that matches all its words.
   */
  includeKnown: boolean;
};

/**
 * The query words with misspelt Thai spans replaced by the words meant, and the corrections made.
 * Words that are known, or a prefix of known words at the end of the query, are kept.
 */
export function correctThaiSpans(
  tokens: readonly Token[],
  dictionary: TermDictionary,
  mode: CorrectionMode,
): { tokens: Token[]; corrections: Correction[] } {
  const corrections: Correction[] = [];
  const out: Token[] = [];
  let i = 0;
  // Words before this index belong to a correction already made.
  let floor = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    // A retry after poor results may complete the last word differently than its prefix would.
    const isLastTyping = !mode.includeKnown && mode.prefixEnd && i === tokens.length - 1 && dictionary.hasPrefix(token.term);
    const suspect = token.thai && (mode.includeKnown || !dictionary.has(token.term));
    if (!suspect) {
      out.push(token);
      i++;
      continue;
    }
    let found: { from: number; to: number; meant: string } | null = null;
    for (let length = Math.min(MAX_SPAN_WORDS, tokens.length); length >= (isLastTyping ? 2 : 1) && !found; length--) {
      // Spans may reach back over words already passed unchanged, never over a correction.
      for (let from = Math.max(i - length + 1, floor); from <= i && !found; from++) {
        const to = from + length;
        if (to > tokens.length || to <= i || !contiguous(tokens, from, to)) continue;
        const typed = tokens
          .slice(from, to)
          .map((t) => t.term)
          .join("");
        const fits = (term: string) =>
          (from > 0 && tokens[from - 1].thai && dictionary.has(tokens[from - 1].term + term)) ||
          (to < tokens.length && tokens[to].thai && dictionary.has(term + tokens[to].term));
        const meant = closestNameWord(typed, dictionary, fits);
        if (meant && meant !== typed) found = { from, to, meant };
      }
    }
    if (!found) {
      out.push(token);
      i++;
      continue;
    }
    // Words before `i` that the span swallowed were already passed on unchanged: take them back.
    out.splice(out.length - (i - found.from), i - found.from);
    const first = tokens[found.from];
    const last = tokens[found.to - 1];
    corrections.push({ start: first.start, end: last.end, typed: tokens.slice(found.from, found.to).map((t) => t.term).join(""), meant: found.meant });
    for (const word of tokenizeDetailed(found.meant)) {
      out.push({ term: word.term, run: first.run, thai: word.thai, start: first.start, end: last.end });
    }
    i = found.to;
    floor = found.to;
  }
  return { tokens: out, corrections };
}
