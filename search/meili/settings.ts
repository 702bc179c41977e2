/**
 * Meilisearch index settings, kept in code and applied idempotently by init() and to every staging
 * index. They mirror the built-in engine: titles rank first, match count comes before the chosen
 * sort, Thai fields get Thai segmentation and no typo tolerance (short Thai words one edit apart
 * are different words; misspelt Thai is corrected through the soundKeys field, spelling.ts), and
 * synonyms come from the shared vocabulary. Meilisearch's own Thai handling segments with its
 * dictionary; depending on its version it strips Thai tone and vowel marks when normalising (so
 * a missing tone mark is forgiven there already) or keeps them and only recomposes ำ.
 */
import type { Settings } from "meilisearch";
import { normalizeText } from "../tokenizer.ts";
import { CERTIFICATION_NAMES, QUERY_STOP_WORDS, SYNONYM_GROUPS } from "../vocabulary.ts";

export const THAI_ATTRIBUTES = ["titleTh", "productType", "groupNameTh", "categoryNameTh", "provinceTh", "certificationNamesTh", "storyTh"];
export const ENGLISH_ATTRIBUTES = ["titleEn", "groupNameEn", "categoryNameEn", "provinceEn", "certificationNamesEn", "storyEn"];

/** Every member of a group is a synonym of every other member (Meilisearch wants it spelled out). */
export function synonymsFromVocabulary(groups: readonly (readonly string[])[] = SYNONYM_GROUPS): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    const members = [...new Set(group.map((member) => normalizeText(member)))];
    for (const member of members) {
      const others = members.filter((other) => other !== member);
      synonyms[member] = [...new Set([...(synonyms[member] ?? []), ...others])];
    }
  }
  return synonyms;
}

export function certificationNames(slugs: readonly string[]): { th: string[]; en: string[] } {
  const th: string[] = [];
  const en: string[] = [];
  for (const slug of slugs) {
    for (const name of CERTIFICATION_NAMES[slug] ?? [slug]) (/[\u0E00-\u0E7F]/.test(name) ? th : en).push(name);
  }
  return { th, en };
}

export const INDEX_SETTINGS: Settings = {
  searchableAttributes: [
    "titleTh",
    "titleEn",
    "productType",
    "provinceTh",
    "provinceEn",
    "groupNameTh",
    "groupNameEn",
    "categoryNameTh",
    "categoryNameEn",
    "certificationNamesTh",
    "certificationNamesEn",
    "storyTh",
    "storyEn",
    // Sound keys of Thai name words, in Latin letters: never matched by a buyer's words, searched
    // on their own (attributesToSearchOn) to correct a misspelt Thai query.
    "soundKeys",
  ],
  filterableAttributes: ["categorySlug", "provinceSlug", "certifications", "inStock", "madeToOrder", "ships", "pickup", "priceSatang"],
  sortableAttributes: ["priceSatang", "createdAt", "slug"],
  // "sort" right after "words": a price sort orders products that match equally many words.
  rankingRules: ["words", "sort", "typo", "proximity", "attribute", "exactness"],
  faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { "*": "count" } },
  pagination: { maxTotalHits: 24_000 },
  synonyms: synonymsFromVocabulary(),
  stopWords: [...QUERY_STOP_WORDS],
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    // Thai: one edit turns most short Thai words into other words; Thai slips are corrected by
    // sound instead. Sound keys must match exactly, or they would stop telling words apart.
    disableOnAttributes: [...THAI_ATTRIBUTES, "soundKeys"],
    disableOnNumbers: true,
  },
  localizedAttributes: [
    { attributePatterns: THAI_ATTRIBUTES, locales: ["tha"] },
    { attributePatterns: ENGLISH_ATTRIBUTES, locales: ["eng"] },
  ],
};
