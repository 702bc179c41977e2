/**
 * How a SearchDocument is laid out for the built-in index: which text goes into which field,
 * how each field is tokenized, and how much a match in it is worth.
 */
import type { SearchDocument } from "../document.ts";
import { tokenize, tokenizeWithCompounds } from "../tokenizer.ts";
import { CERTIFICATION_NAMES } from "../vocabulary.ts";

export const FIELDS = ["title", "type", "place", "group", "category", "cert", "story"] as const;
export type Field = (typeof FIELDS)[number];
/** The index of the story field: a match only there counts as half a matched word. */
export const STORY_FIELD = FIELDS.indexOf("story");
export const TITLE_FIELD = FIELDS.indexOf("title");

/**
 * Title first: a product whose title says "silk" beats one whose group is called silk weavers.
 * Place is high because a province query should rank every product from there equally well.
 * Stories are long prose; a match there is weak evidence.
 */
export const FIELD_BOOSTS: Record<Field, number> = {
  title: 6,
  type: 3,
  place: 3,
  group: 1.5,
  category: 1.5,
  cert: 1.5,
  story: 0.25,
};

export type FieldTerms = Record<Field, string[]>;

function certificationText(slugs: readonly string[]): string {
  return slugs.map((slug) => [slug, ...(CERTIFICATION_NAMES[slug] ?? [])].join(" | ")).join(" | ");
}

/**
 * Tokenized text of the fields many products share (their group, province, category, type and
 * certifications): a catalog has far fewer groups than products, and Thai word segmentation is
 * the costliest part of indexing. Bounded so an odd catalog cannot grow it without limit.
 * Titles and stories are nearly always unique, so they are not cached.
 */
export class SharedTermCache {
  private readonly terms = new Map<string, string[]>();
  constructor(private readonly limit = 20_000) {}

  get(text: string): string[] {
    let terms = this.terms.get(text);
    if (!terms) {
      if (this.terms.size >= this.limit) this.terms.clear();
      terms = tokenizeWithCompounds(text);
      this.terms.set(text, terms);
    }
    return terms;
  }
}

/** Every field's terms; names and titles also carry adjacent-word compounds. Treat as read-only. */
export function fieldTerms(doc: SearchDocument, shared?: SharedTermCache): FieldTerms {
  const cached = (text: string) => (shared ? shared.get(text) : tokenizeWithCompounds(text));
  return {
    title: tokenizeWithCompounds(`${doc.titleTh} | ${doc.titleEn}`),
    type: cached(doc.productType.replace(/[-_]+/g, " ")),
    place: cached(`${doc.provinceTh} | ${doc.provinceEn}`),
    group: cached(`${doc.groupNameTh} | ${doc.groupNameEn}`),
    category: cached(`${doc.categoryNameTh} | ${doc.categoryNameEn}`),
    cert: cached(certificationText(doc.certifications)),
    story: tokenize(`${doc.storyTh} | ${doc.storyEn}`),
  };
}

/**
 * BM25+ as MiniSearch computes it (k 1.2, b 0.7, δ 0.5, rarity per field), with lengths measured
 * against fixed typical field lengths (those of the demo catalog) rather than live averages, so a
 * stored posting score never goes stale as products come and go.
 */
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;
const TYPICAL_LENGTH: Record<Field, number> = { title: 16, type: 3, place: 3.3, group: 20, category: 7.4, cert: 21, story: 45 };

const BOOST_BY_INDEX = FIELDS.map((field) => FIELD_BOOSTS[field]);
const TYPICAL_BY_INDEX = FIELDS.map((field) => TYPICAL_LENGTH[field]);

/**
 * A term's score in one field before rarity: field boost × saturated term frequency. The query
 * multiplies it by the term's rarity in that field.
 */
export function fieldScore(field: number, termFrequency: number, fieldLength: number): number {
  const lengthNorm = K1 * (1 - B + (B * fieldLength) / TYPICAL_BY_INDEX[field]);
  return BOOST_BY_INDEX[field] * (DELTA + (termFrequency * (K1 + 1)) / (termFrequency + lengthNorm));
}


/** The fields that name a product (all but the story): what a misspelt Thai word is matched against. */
export const NAME_FIELDS: readonly number[] = FIELDS.map((_, index) => index).filter((index) => index !== STORY_FIELD);
