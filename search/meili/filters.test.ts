import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "../port.ts";
import { buildFilter, quote } from "./filters.ts";
import { sequenceKey, synonymTable } from "../synonyms.ts";
import { normalizeText, tokenize } from "../tokenizer.ts";
import { CERTIFICATION_NAMES, QUERY_STOP_WORDS, SYNONYM_GROUPS } from "../vocabulary.ts";
import { INDEX_SETTINGS, certificationNames } from "./settings.ts";

describe("meilisearch filters", () => {
  it("builds clauses from parsed values only", () => {
    const { filters } = parseSearchQuery({
      filters: { category: ["textiles", "food"], availability: "ready", priceMinSatang: 5000, priceMaxSatang: 100 },
    });
    expect(buildFilter(filters)).toEqual([
      'categorySlug IN ["textiles", "food"]',
      "inStock = true",
      "priceSatang >= 100",
      "priceSatang <= 5000",
    ]);
  });

  it("never lets user text change the expression", () => {
    const { filters } = parseSearchQuery({ filters: { province: ['x" OR categorySlug = "food'], certification: ["a\\"] } });
    const clauses = buildFilter(filters);
    expect(clauses).toEqual(['provinceSlug = "__no_such_value__"', 'certifications = "__no_such_value__"']);
    expect(quote('a"b\\')).toBe('"a\\"b\\\\"');
  });

  it("keeps settings consistent with the vocabulary", () => {
    const synonyms = INDEX_SETTINGS.synonyms ?? {};
    const groups = SYNONYM_GROUPS.map((group) => [...new Set(group.map(normalizeText))]);
    // Every member of a vocabulary group finds every other member…
    for (const group of groups) {
      for (const member of group) {
        expect(synonyms[member], member).toEqual(expect.arrayContaining(group.filter((other) => other !== member)));
      }
    }
    // …and nothing the vocabulary did not put with it.
    expect(Object.keys(synonyms).sort()).toEqual([...new Set(groups.flat())].sort());
    for (const [word, others] of Object.entries(synonyms)) {
      for (const other of others) expect(groups.some((group) => group.includes(word) && group.includes(other)), `${word} → ${other}`).toBe(true);
    }
    expect([...(INDEX_SETTINGS.stopWords ?? [])].sort()).toEqual([...QUERY_STOP_WORDS].sort());
    expect(INDEX_SETTINGS.sortableAttributes).toEqual(expect.arrayContaining(["priceSatang", "createdAt"]));
    expect(INDEX_SETTINGS.searchableAttributes?.[0]).toBe("titleTh");
  });

  it("groups words as the built-in engine does, so both engines widen a query alike", () => {
    // The built-in engine reads the same vocabulary through search/synonyms.ts: each member as
    // the words its tokenizer makes. A member it cannot read would be a synonym in Meilisearch only.
    expect(synonymTable.groups.map((group) => group.members)).toEqual(SYNONYM_GROUPS);
    SYNONYM_GROUPS.forEach((members, id) => {
      for (const member of members) {
        const terms = tokenize(member);
        expect(terms.length, member).toBeGreaterThan(0);
        expect(synonymTable.byKey.get(sequenceKey(terms)), member).toContain(id);
      }
    });
    // Two words are synonyms in Meilisearch exactly when the built-in engine has them in one group.
    const groupsOf = (word: string) => synonymTable.byKey.get(sequenceKey(tokenize(word))) ?? [];
    const builtinTogether = (a: string, b: string) => groupsOf(a).some((id) => groupsOf(b).includes(id));
    for (const [word, others] of Object.entries(INDEX_SETTINGS.synonyms ?? {})) {
      for (const other of others) expect(builtinTogether(word, other), `${word} → ${other}`).toBe(true);
    }
  });

  it("names every certification in the vocabulary in the language of its words", () => {
    const names = certificationNames(Object.keys(CERTIFICATION_NAMES));
    expect([...names.th, ...names.en].sort()).toEqual(Object.values(CERTIFICATION_NAMES).flat().sort());
    for (const name of names.th) expect(name).toMatch(/[\u0E00-\u0E7F]/);
    for (const name of names.en) expect(name).not.toMatch(/[\u0E00-\u0E7F]/);
    expect(INDEX_SETTINGS.searchableAttributes).toEqual(expect.arrayContaining(["certificationNamesTh", "certificationNamesEn"]));
  });
});
