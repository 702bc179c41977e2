/**
 * Turns a query string into a plan the built-in engine can run: a list of concepts, each a set
 * of interchangeable index terms. A concept comes from a vocabulary phrase ("ผ้าไหม" → silk, ไหม,
 * ผ้าไหม…) or from a single word. Unknown words are repaired here: a misspelt Thai word becomes
 * the name word it sounds like ("น้ำพิก" → น้ำพริก, thai-correction.ts), a truncated Thai word
 * becomes a prefix ("ผ้าไหมมัดหมี" → …"หมี*"), an unknown Latin word becomes its closest known
 * words ("cofee" → coffee). Each repair is also a correction for "did you mean".
 */
import { MAX_QUERY_WORDS } from "../port.ts";
import { type SynonymTable, sequenceKey } from "../synonyms.ts";
import { type Token, containsThai, joinCompound, tokenizeDetailed } from "../tokenizer.ts";
import { QUERY_STOP_WORDS } from "../vocabulary.ts";
import type { TermDictionary } from "./dictionary.ts";
import { type Correction, correctThaiSpans } from "./thai-correction.ts";

/** Index terms that must all match (several when a multi-word synonym is a chain of compounds). */
export type Variant = { terms: string[]; prefix: boolean; weight: number };

export type Concept = { variants: Variant[] };

export type QueryPlan = {
  concepts: Concept[];
  /** Compounds of adjacent query words: extra score for matching them side by side. */
  bonusTerms: string[];
  /** Stretches of the normalised query replaced by the words meant. */
  corrections: Correction[];
  /** Whether any query word is Thai (and so could be corrected further). */
  hasThai: boolean;
};

export type PlanOptions = {
  /** Try correcting Thai words the index knows too (after the query as typed matched poorly). */
  correctKnownThai?: boolean;
};

const SYNONYM_WEIGHT = 0.8;
const CORRECTION_WEIGHT = 0.9;
/** Thai words this short are too often a fragment of something else to search by prefix. */
const MIN_PREFIX_LENGTH = 2;
/** Latin words shorter than this are not typo-corrected: too many near neighbours. */
const MIN_FUZZY_LENGTH = 4;

function isLatinWord(term: string): boolean {
  return !containsThai(term) && /\p{L}/u.test(term);
}

/** Index terms for a member word sequence: a word, a compound, or a chain of compounds. */
function termsForSequence(words: readonly string[]): string[] {
  const tokens = words.map((term) => ({ term, thai: containsThai(term) }));
  if (tokens.length === 1) return [tokens[0].term];
  const out: string[] = [];
  for (let i = 1; i < tokens.length; i++) out.push(joinCompound(tokens[i - 1], tokens[i]));
  return out;
}

function synonymConcept(table: SynonymTable, groupIds: readonly number[], literal: readonly string[]): Concept {
  const literalKey = sequenceKey(literal);
  const variants: Variant[] = [];
  const seen = new Set<string>();
  for (const id of groupIds) {
    for (const member of table.groups[id].memberTerms) {
      const key = sequenceKey(member);
      if (seen.has(key)) continue;
      seen.add(key);
      const weight = key === literalKey ? 1 : SYNONYM_WEIGHT;
      variants.push({ terms: termsForSequence(member), prefix: false, weight });
    }
  }
  return { variants };
}

/**
 * A Thai word typed halfway is segmented into junk ("ตะกร้" → "ตะ","กร้"). Glue trailing words
 * back together while the result is still the start of some indexed term.
 */
function repairTruncatedEnd(tokens: Token[], dictionary: TermDictionary): { tokens: Token[]; prefixEnd: boolean } {
  const last = tokens.at(-1);
  if (!last) return { tokens, prefixEnd: false };
  if (!last.thai || dictionary.has(last.term)) return { tokens, prefixEnd: true };
  for (let take = Math.min(4, tokens.length); take >= 2; take--) {
    const tail = tokens.slice(-take);
    if (!tail.every((token) => token.thai && token.run === last.run)) continue;
    const merged = tail.map((token) => token.term).join("");
    if (dictionary.hasPrefix(merged)) {
      const merge = { term: merged, run: last.run, thai: true, start: tail[0].start, end: last.end };
      return { tokens: [...tokens.slice(0, -take), merge], prefixEnd: true };
    }
  }
  return { tokens, prefixEnd: true };
}

function unknownWordConcept(
  token: Token,
  isLast: boolean,
  dictionary: TermDictionary,
  table: SynonymTable,
  corrections: Correction[],
): Concept | null {
  const { term } = token;
  // A word being typed, or a Thai word the segmenter cut differently than in the documents.
  if ((isLast || token.thai) && term.length >= MIN_PREFIX_LENGTH && dictionary.hasPrefix(term)) {
    return { variants: [{ terms: [term], prefix: true, weight: 1 }] };
  }
  if (!isLatinWord(term) || term.length < MIN_FUZZY_LENGTH) {
    return { variants: [{ terms: [term], prefix: false, weight: 1 }] };
  }
  const maxDistance = term.length >= 8 ? 2 : 1;
  const candidates = dictionary.closest(term, maxDistance).filter((candidate) => isLatinWord(candidate.term));
  const best = candidates.filter((candidate) => candidate.distance === candidates[0]?.distance).slice(0, 2);
  if (best.length === 0) return { variants: [{ terms: [term], prefix: false, weight: 1 }] };
  corrections.push({ start: token.start, end: token.end, typed: term, meant: best[0].term });
  const variants: Variant[] = [];
  for (const candidate of best) {
    const groupIds = table.byKey.get(sequenceKey([candidate.term]));
    const concept = groupIds
      ? synonymConcept(table, groupIds, [candidate.term])
      : { variants: [{ terms: [candidate.term], prefix: false, weight: 1 }] };
    for (const variant of concept.variants) variants.push({ ...variant, weight: variant.weight * CORRECTION_WEIGHT });
  }
  return { variants };
}

export function planQuery(q: string, dictionary: TermDictionary, table: SynonymTable, options: PlanOptions = {}): QueryPlan {
  const all = tokenizeDetailed(q);
  const meaningful = all.filter((token) => !QUERY_STOP_WORDS.has(token.term));
  const words = (meaningful.length > 0 ? meaningful : all).slice(0, MAX_QUERY_WORDS);
  const repaired = repairTruncatedEnd(words, dictionary);
  const prefixEnd = repaired.prefixEnd;
  const { tokens, corrections } = correctThaiSpans(repaired.tokens, dictionary, { prefixEnd, includeKnown: options.correctKnownThai ?? false });
  const concepts: Concept[] = [];
  const seenGroups = new Set<string>();

  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    for (let length = Math.min(table.maxWords, tokens.length - i); length >= 1; length--) {
      const slice = tokens.slice(i, i + length);
      if (!slice.every((token) => token.run === slice[0].run)) continue;
      const words = slice.map((token) => token.term);
      const groupIds = table.byKey.get(sequenceKey(words));
      if (!groupIds) continue;
      const concept = synonymConcept(table, groupIds, words);
      const isLast = i + length === tokens.length;
      // Still typing: "rice" may be the start of "riceberry".
      if (isLast && prefixEnd && length === 1) {
        concept.variants.push({ terms: [words[0]], prefix: true, weight: 1 });
      }
      // "silk ไหม" names one thing twice: counting it as two matched words would let it outweigh the rest.
      const groupKey = [...groupIds].sort().join(",");
      if (!seenGroups.has(groupKey)) concepts.push(concept);
      seenGroups.add(groupKey);
      matched = length;
      break;
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    const token = tokens[i];
    const isLast = i === tokens.length - 1;
    if (dictionary.has(token.term)) {
      concepts.push({
        variants: [{ terms: [token.term], prefix: isLast && prefixEnd, weight: 1 }],
      });
    } else {
      const concept = unknownWordConcept(token, isLast && prefixEnd, dictionary, table, corrections);
      if (concept) concepts.push(concept);
    }
    i += 1;
  }

  const bonusTerms: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const [left, right] = [tokens[i - 1], tokens[i]];
    if (left.run !== right.run || left.thai !== right.thai) continue;
    const compound = joinCompound(left, right);
    if (dictionary.has(compound)) bonusTerms.push(compound);
  }
  return { concepts, bonusTerms, corrections, hasThai: tokens.some((token) => token.thai) };
}
