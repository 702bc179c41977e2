import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "../port.ts";
import { buildFilter, quote } from "./filters.ts";
import { INDEX_SETTINGS, synonymsFromVocabulary } from "./settings.ts";

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
    const synonyms = synonymsFromVocabulary([["silk", "ไหม", "ผ้าไหม"]]);
    expect(synonyms.silk).toEqual(["ไหม", "ผ้าไหม"]);
    expect(INDEX_SETTINGS.sortableAttributes).toEqual(expect.arrayContaining(["priceSatang", "createdAt"]));
    expect(INDEX_SETTINGS.searchableAttributes?.[0]).toBe("titleTh");
  });
});
