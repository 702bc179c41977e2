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

/** How many documents have each value of `key` (a facet as the catalog itself counts it). */
function countBy(docs: readonly SearchDocument[], key: (doc: SearchDocument) => string | readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const doc of docs) {
    const values = key(doc);
    for (const value of typeof values === "string" ? [values] : values) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

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
      // Every product called ผ้าไหม… is found, however the title is segmented.
      const found = slugs(await everything({ q: "ผ้าไหม" }));
      const named = slugs(where((doc) => doc.titleTh.includes("ผ้าไหม")));
      expect(named.length).toBeGreaterThan(3);
      expect(found).toEqual(expect.arrayContaining(named));
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

      // Values of one facet widen (any of them); different facets narrow (all of them).
      const textilesOrFood = await everything({ filters: { category: ["textiles", "food"] } });
      expect(slugs(textilesOrFood)).toEqual(slugs(where((doc) => doc.categorySlug === "textiles" || doc.categorySlug === "food")));
      const otopInKhonKaen = await everything({ filters: { province: ["khon-kaen"], certification: ["otop"] } });
      const expected = slugs(where((doc) => doc.provinceSlug === "khon-kaen" && doc.certifications.includes("otop")));
      expect(expected.length).toBeGreaterThan(1);
      expect(expected.length).toBeLessThan(where((doc) => doc.provinceSlug === "khon-kaen").length);
      expect(slugs(otopInKhonKaen)).toEqual(expected);

      // A query with filters: only Khon Kaen's textiles, and every one with silk in its English title.
      const silkInKhonKaen = slugs(await everything({ q: "silk", filters: { province: ["khon-kaen"], category: ["textiles"] } }));
      const khonKaenTextiles = slugs(where((doc) => doc.provinceSlug === "khon-kaen" && doc.categorySlug === "textiles"));
      const silkTitled = slugs(where((doc) => doc.provinceSlug === "khon-kaen" && doc.categorySlug === "textiles" && /silk/i.test(doc.titleEn)));
      expect(silkTitled.length).toBeGreaterThan(1);
      expect(silkInKhonKaen).toEqual(expect.arrayContaining(silkTitled));
      for (const slug of silkInKhonKaen) expect(khonKaenTextiles).toContain(slug);
    });

    it("counts facets over the whole filtered result set", async () => {
      const results = await search({ q: "", perPage: 1 });
      expect(results.hits).toHaveLength(1);
      expect(results.facets.category).toEqual(countBy(catalog, (doc) => doc.categorySlug));
      expect(results.facets.province).toEqual(countBy(catalog, (doc) => doc.provinceSlug));
      expect(results.facets.certification).toEqual(countBy(catalog, (doc) => doc.certifications));
      expect(results.facets.availability).toEqual({
        ready: where((doc) => doc.inStock).length,
        "made-to-order": where((doc) => doc.madeToOrder).length,
      });
      const prices = catalog.map((doc) => doc.priceSatang);
      expect(results.priceRange).toEqual({ min: Math.min(...prices), max: Math.max(...prices) });

      // Under a filter, every facet counts only what the filter let through.
      const food = where((doc) => doc.categorySlug === "food");
      const filtered = await search({ q: "", filters: { category: ["food"] } });
      expect(filtered.total).toBe(food.length);
      expect(filtered.facets.category).toEqual({ food: food.length });
      expect(filtered.facets.province).toEqual(countBy(food, (doc) => doc.provinceSlug));
      expect(filtered.facets.certification).toEqual(countBy(food, (doc) => doc.certifications));
      expect(filtered.facets.availability.ready).toBe(food.filter((doc) => doc.inStock).length);
      const foodPrices = food.map((doc) => doc.priceSatang);
      expect(filtered.priceRange).toEqual({ min: Math.min(...foodPrices), max: Math.max(...foodPrices) });
    });

    it("sorts by price both ways and by newest", async () => {
      const prices = catalog.map((doc) => doc.priceSatang);
      const ascending = await everything({ sort: "price-asc" });
      expect(slugs(ascending)).toEqual(slugs(catalog));
      expect(ascending.map((doc) => doc.priceSatang)).toEqual([...prices].sort((a, b) => a - b));
      const descending = await everything({ sort: "price-desc" });
      expect(descending.map((doc) => doc.priceSatang)).toEqual([...prices].sort((a, b) => b - a));
      // Every demo product has its own creation time, so "newest" has exactly one right order.
      const newestFirst = [...catalog].sort((a, b) => b.createdAt - a.createdAt).map((doc) => doc.slug);
      expect(new Set(catalog.map((doc) => doc.createdAt)).size).toBe(catalog.length);
      expect((await everything({ sort: "newest" })).map((doc) => doc.slug)).toEqual(newestFirst);

      const rice = where((doc) => doc.categorySlug === "rice-grains");
      const cheapRice = await everything({ q: "rice", sort: "price-asc", filters: { category: ["rice-grains"] } });
      expect(slugs(cheapRice)).toEqual(slugs(rice));
      expect(cheapRice.map((doc) => doc.priceSatang)).toEqual(rice.map((doc) => doc.priceSatang).sort((a, b) => a - b));
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
      const browseAll = await search({ q: "" });
      expect(browseAll.total).toBe(catalog.length);
      expect(browseAll.hits).toHaveLength(24);
      // A box left blank (spaces, invisible control and direction characters) browses everything.
      for (const q of ["   ", "\u0000\u202e"]) {
        const results = await search({ q });
        expect(results.total, JSON.stringify(q)).toBe(catalog.length);
        expect(slugsOf(results), JSON.stringify(q)).toEqual(slugsOf(browseAll));
      }
      // Something typed with no word in it (punctuation, emoji) asked for something: it finds nothing
      // rather than pretending every product matched.
      for (const q of [`'"(){}<>%`, "🍚🧵"]) {
        const results = await search({ q });
        expect(results, JSON.stringify(q)).toMatchObject({ total: 0, hits: [], priceRange: null });
      }
      // An oversized word is cut to the longest query and matches nothing, with empty facets.
      const oversized = await search({ q: "x".repeat(5000) });
      expect(oversized).toMatchObject({ total: 0, hits: [], priceRange: null });
      expect(oversized.facets.category).toEqual({});
      // A word repeated two thousand times asks for no more than the word once.
      const once = slugs(await everything({ q: "ผ้า" }));
      expect(once.length).toBeGreaterThan(10);
      expect(slugs(await everything({ q: "ผ้า".repeat(2000) }))).toEqual(once);
      // Boolean-looking words are words, not operators: nothing in the catalog says "not".
      expect((await search({ q: "AND OR NOT" })).total).toBe(0);

      const garbage = await search({ q: 42, lang: "xx", sort: "cheapest", page: -3, perPage: 10_000 } as never);
      expect(garbage).toMatchObject({ page: 1, perPage: 24, total: catalog.length });
      expect(slugsOf(garbage)).toEqual(slugsOf(browseAll));
    });

    it("returns nothing for unknown filter values and ignores malformed ones", async () => {
      expect((await search({ filters: { category: ["no-such-category"] } })).total).toBe(0);
      expect((await search({ filters: { province: [`x" OR 1=1`] } })).total).toBe(0);
      expect((await search({ q: "silk", filters: { certification: ["nope"] } })).total).toBe(0);
      const malformed = await search({ filters: { availability: "tomorrow", category: "textiles" } } as never);
      expect(malformed.total).toBe(catalog.length);
    });

    it("suggests product titles in the requested language", async () => {
      // Each distinct title once: the demo catalog has five coffees under two titles per language.
      const titlesOf = (docs: SearchDocument[], title: (doc: SearchDocument) => string) => [...new Set(docs.map(title))].sort();
      const coffees = where((doc) => doc.productType === "coffee");
      expect(titlesOf(coffees, (doc) => doc.titleEn)).toHaveLength(2);
      const english = await engine.suggest("cof", { lang: "en", limit: 5 });
      expect(english.map((s) => s.text).sort()).toEqual(titlesOf(coffees, (doc) => doc.titleEn));
      for (const suggestion of english) expect(coffee()).toContain(suggestion.slug);
      const thai = await engine.suggest("กาแ", { lang: "th", limit: 5 });
      expect(thai.map((s) => s.text).sort()).toEqual(titlesOf(coffees, (doc) => doc.titleTh));
      expect((await engine.suggest("cof", { lang: "en", limit: 1 })).length).toBe(1);
      expect(await engine.suggest("", { lang: "th" })).toEqual([]);
      expect(await engine.suggest("zzzzqq", { lang: "en" })).toEqual([]);
    });
  });
}
