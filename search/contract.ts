/**
 * The one behaviour contract every SearchEngine adapter must pass, over the demo catalog.
 * Adapters register it from their own test file: searchContract("builtin", createBuiltinEngine).
 * Assertions are on concrete slugs and counts derived from the catalog, so a broken engine fails.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalogFile } from "./catalog.ts";
import type { SearchDocument } from "./document.ts";
import type { SearchEngine, SearchQueryInput, SearchResults } from "./port.ts";

const CATALOG_PATH = path.resolve(import.meta.dirname, "../prisma/seed/catalog.json");

/** Products written only in Thai: found by English queries only through the vocabulary. */
const THAI_ONLY: SearchDocument[] = [
  {
    slug: "contract-thai-only-silk",
    titleTh: "ผ้าไหมทอมือลายโบราณ",
    titleEn: "",
    storyTh: "ทอจากเส้นไหมที่เลี้ยงเอง",
    storyEn: "",
    productType: "ผ้าทอ",
    categorySlug: "contract-only",
    categoryNameTh: "ของทดสอบ",
    categoryNameEn: "",
    groupSlug: "contract-group",
    groupNameTh: "กลุ่มทดสอบ",
    groupNameEn: "",
    provinceSlug: "contract-province",
    provinceTh: "ทดสอบ",
    provinceEn: "Contract Province",
    certifications: [],
    priceSatang: 123_400,
    madeToOrder: false,
    inStock: true,
    ships: true,
    pickup: false,
    createdAt: 1,
  },
  {
    slug: "contract-thai-only-coffee",
    titleTh: "กาแฟคั่วบด",
    titleEn: "",
    storyTh: "เมล็ดจากสวนในหุบเขา",
    storyEn: "",
    productType: "เครื่องดื่ม",
    categorySlug: "contract-only",
    categoryNameTh: "ของทดสอบ",
    categoryNameEn: "",
    groupSlug: "contract-group",
    groupNameTh: "กลุ่มทดสอบ",
    groupNameEn: "",
    provinceSlug: "contract-province",
    provinceTh: "ทดสอบ",
    provinceEn: "Contract Province",
    certifications: [],
    priceSatang: 15_000,
    madeToOrder: false,
    inStock: true,
    ships: true,
    pickup: false,
    createdAt: 2,
  },
];

const slugsOf = (results: SearchResults) => results.hits.map((hit) => hit.slug);

export function searchContract(name: string, makeEngine: () => Promise<SearchEngine>): void {
  describe(`search contract: ${name}`, () => {
    let engine: SearchEngine;
    let catalog: SearchDocument[];
    const search = (query: SearchQueryInput) => engine.search(query);
    const where = (predicate: (doc: SearchDocument) => boolean) => catalog.filter(predicate);
    const slugs = (docs: SearchDocument[]) => docs.map((doc) => doc.slug).sort();
    const coffee = () => slugs(where((doc) => doc.productType === "coffee"));

    /** Every result of a query across all pages, in order. */
    async function everything(query: SearchQueryInput): Promise<SearchDocument[]> {
      const out: SearchDocument[] = [];
      for (let page = 1; page < 100; page++) {
        const results = await search({ ...query, page, perPage: 48 });
        out.push(...results.hits.map((hit) => hit.document));
        if (out.length >= results.total || results.hits.length === 0) break;
      }
      return out;
    }

    beforeAll(async () => {
      catalog = await loadCatalogFile(CATALOG_PATH);
      engine = await makeEngine();
      await engine.init();
      await engine.clear();
      await engine.index(catalog);
    }, 120_000);

    it("answers ping and indexes the whole catalog", async () => {
      expect(await engine.ping()).toBe(true);
      expect((await search({ q: "" })).total).toBe(catalog.length);
    });

    it("finds Thai products for a Thai query without spaces", async () => {
      const top = (await search({ q: "ผ้าไหม", perPage: 10 })).hits.map((hit) => hit.document);
      expect(top).toHaveLength(10);
      for (const doc of top) expect(doc.titleTh).toContain("ไหม");
    });

    it("finds products for an English query", async () => {
      const results = await search({ q: "coffee", lang: "en", perPage: 5 });
      expect(slugsOf(results).sort()).toEqual(coffee());
    });

    it("crosses languages through the vocabulary", async () => {
      await engine.index(THAI_ONLY);
      try {
        expect(slugsOf(await search({ q: "silk", lang: "en", perPage: 48 }))).toContain("contract-thai-only-silk");
        expect(slugsOf(await search({ q: "coffee", lang: "en", perPage: 48 }))).toContain("contract-thai-only-coffee");
      } finally {
        await engine.remove(THAI_ONLY.map((doc) => doc.slug));
      }
      const thai = new Set(slugsOf(await search({ q: "ผ้าไหม", perPage: 10 })));
      const english = slugsOf(await search({ q: "silk", lang: "en", perPage: 10 }));
      expect(english.filter((slug) => thai.has(slug)).length).toBeGreaterThanOrEqual(5);
    });

    it("tolerates a typo and offers the correction", async () => {
      const results = await search({ q: "cofee", lang: "en", perPage: 5 });
      expect(slugsOf(results).sort()).toEqual(coffee());
      expect(results.didYouMean).toBe("coffee");
    });

    it("matches prefixes while typing, in both scripts", async () => {
      expect(slugsOf(await search({ q: "cof", lang: "en", perPage: 5 })).sort()).toEqual(coffee());
      const mudmee = slugs(where((doc) => doc.productType === "mudmee-silk"));
      expect(mudmee.length).toBeGreaterThan(0);
      const top = slugsOf(await search({ q: "ผ้าไหมมัดหมี", perPage: mudmee.length }));
      expect(top.sort()).toEqual(mudmee);
    });

    it("filters by category, province, certification, availability and price", async () => {
      const textiles = await everything({ filters: { category: ["textiles"] } });
      expect(slugs(textiles)).toEqual(slugs(where((doc) => doc.categorySlug === "textiles")));

      const chiangMai = await everything({ filters: { province: ["chiang-mai"] } });
      expect(slugs(chiangMai)).toEqual(slugs(where((doc) => doc.provinceSlug === "chiang-mai")));
      expect(chiangMai.length).toBeGreaterThan(0);

      const organic = await everything({ filters: { certification: ["organic-th"] } });
      expect(slugs(organic)).toEqual(slugs(where((doc) => doc.certifications.includes("organic-th"))));

      const ready = await everything({ filters: { availability: "ready" } });
      expect(slugs(ready)).toEqual(slugs(where((doc) => doc.inStock)));
      const toOrder = await everything({ filters: { availability: "made-to-order" } });
      expect(slugs(toOrder)).toEqual(slugs(where((doc) => doc.madeToOrder)));

      const band = await everything({ filters: { priceMinSatang: 10_000, priceMaxSatang: 50_000 } });
      expect(slugs(band)).toEqual(slugs(where((doc) => doc.priceSatang >= 10_000 && doc.priceSatang <= 50_000)));

      const silkInKhonKaen = await everything({ q: "silk", filters: { province: ["khon-kaen"], category: ["textiles"] } });
      expect(silkInKhonKaen.length).toBeGreaterThan(0);
      for (const doc of silkInKhonKaen) expect(doc.provinceEn).toBe("Khon Kaen");
    });

    it("counts facets over the whole filtered result set", async () => {
      const results = await search({ q: "", perPage: 1 });
      expect(results.facets.category.textiles).toBe(where((doc) => doc.categorySlug === "textiles").length);
      expect(results.facets.province["chiang-mai"]).toBe(
        where((doc) => doc.provinceSlug === "chiang-mai").length,
      );
      expect(results.facets.certification.otop).toBe(where((doc) => doc.certifications.includes("otop")).length);
      expect(results.facets.availability.ready).toBe(where((doc) => doc.inStock).length);
      expect(results.facets.availability["made-to-order"]).toBe(where((doc) => doc.madeToOrder).length);
      const total = Object.values(results.facets.category).reduce((sum, count) => sum + count, 0);
      expect(total).toBe(catalog.length);
      const prices = catalog.map((doc) => doc.priceSatang);
      expect(results.priceRange).toEqual({ min: Math.min(...prices), max: Math.max(...prices) });

      const filtered = await search({ q: "", filters: { category: ["food"] } });
      expect(Object.keys(filtered.facets.category)).toEqual(["food"]);
    });

    it("sorts by price both ways and by newest", async () => {
      const ascending = (await everything({ sort: "price-asc" })).map((doc) => doc.priceSatang);
      expect(ascending).toHaveLength(catalog.length);
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
      const descending = (await everything({ sort: "price-desc" })).map((doc) => doc.priceSatang);
      expect(descending).toEqual([...descending].sort((a, b) => b - a));
      const newest = (await everything({ sort: "newest" })).map((doc) => doc.createdAt);
      expect(newest).toEqual([...newest].sort((a, b) => b - a));
      const cheapRice = (await everything({ q: "rice", sort: "price-asc", filters: { category: ["rice-grains"] } })).map(
        (doc) => doc.priceSatang,
      );
      expect(cheapRice.length).toBeGreaterThan(1);
      expect(cheapRice).toEqual([...cheapRice].sort((a, b) => a - b));
    });

    it("pages stably and without overlap", async () => {
      const seen: string[] = [];
      for (let page = 1; page <= 10; page++) {
        const results = await search({ q: "", sort: "price-asc", page, perPage: 10 });
        expect(results.page).toBe(page);
        seen.push(...slugsOf(results));
      }
      expect(new Set(seen).size).toBe(catalog.length);
      const again = await search({ q: "", sort: "price-asc", page: 3, perPage: 10 });
      expect(slugsOf(again)).toEqual(seen.slice(20, 30));
      expect((await search({ q: "", page: 99, perPage: 48 })).hits).toEqual([]);
    });

    it("replaces a re-indexed document and removes a deleted one", async () => {
      const [first] = coffee();
      const original = catalog.find((doc) => doc.slug === first)!;
      await engine.index([{ ...original, priceSatang: 1 }]);
      const cheapest = await search({ q: "coffee", sort: "price-asc", perPage: 48 });
      expect(cheapest.hits[0].slug).toBe(first);
      expect(cheapest.hits[0].document.priceSatang).toBe(1);
      expect(slugsOf(cheapest).filter((slug) => slug === first)).toHaveLength(1);

      await engine.remove([first, "no-such-product"]);
      expect(slugsOf(await search({ q: "coffee", perPage: 48 }))).not.toContain(first);
      expect((await search({ q: "" })).total).toBe(catalog.length - 1);
      await engine.index([original]);
      expect((await search({ q: "" })).total).toBe(catalog.length);
    });

    it("answers odd, empty and oversized queries normally", async () => {
      for (const q of ["", "   ", `'"(){}<>%`, "🍚🧵", "x".repeat(5000), "ผ้า".repeat(2000), "\u0000\u202e", "AND OR NOT"]) {
        const results = await search({ q });
        expect(results.total).toBeGreaterThanOrEqual(0);
        expect(Array.isArray(results.hits)).toBe(true);
      }
      const garbage = await search({ q: 42, lang: "xx", sort: "cheapest", page: -3, perPage: 10_000 } as never);
      expect(garbage.page).toBe(1);
      expect(garbage.hits.length).toBeLessThanOrEqual(48);
    });

    it("returns nothing for unknown filter values and ignores malformed ones", async () => {
      expect((await search({ filters: { category: ["no-such-category"] } })).total).toBe(0);
      expect((await search({ filters: { province: [`x" OR 1=1`] } })).total).toBe(0);
      expect((await search({ q: "silk", filters: { certification: ["nope"] } })).total).toBe(0);
      const malformed = await search({ filters: { availability: "tomorrow", category: "textiles" } } as never);
      expect(malformed.total).toBe(catalog.length);
    });

    it("suggests product titles in the requested language", async () => {
      const english = await engine.suggest("cof", { lang: "en", limit: 5 });
      expect(english.length).toBeGreaterThan(0);
      for (const suggestion of english) expect(suggestion.text.toLowerCase()).toContain("coffee");
      expect(new Set(english.map((s) => s.text)).size).toBe(english.length);
      const thai = await engine.suggest("กาแ", { lang: "th", limit: 5 });
      expect(thai.length).toBeGreaterThan(0);
      for (const suggestion of thai) expect(suggestion.text).toContain("กาแฟ");
      expect(await engine.suggest("", { lang: "th" })).toEqual([]);
    });
  });
}
