/**
 * How a SearchDocument is laid out for the built-in index: which text goes into which field,
 * how each field is tokenized, and how much a match in it is worth.
 */
import type { SearchDocument } from "../document.ts";
import { tokenize, tokenizeWithCompounds } from "../tokenizer.ts";
import { CERTIFICATION_NAMES } from "../vocabulary.ts";

export const FIELDS = ["title", "type", "place", "group", "category", "cert", "story"] as const;
export type Field = (typeof FIELDS)[number];

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

/** Fields whose match counts as a real match of a query word (stories count half). */
export const STRONG_FIELDS: ReadonlySet<string> = new Set(FIELDS.filter((field) => field !== "story"));

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

/** Terms are handed to MiniSearch pre-tokenized, joined by a character no term contains. */
export const TERM_SEPARATOR = "\u0000";
