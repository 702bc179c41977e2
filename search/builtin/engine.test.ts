import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalogFile } from "../catalog.ts";
import { searchContract } from "../contract.ts";
import type { SearchDocument } from "../document.ts";
import { createBuiltinEngine } from "./engine.ts";

searchContract("builtin", async () => createBuiltinEngine());

let catalog: SearchDocument[];
beforeAll(async () => {
  catalog = await loadCatalogFile(path.resolve(import.meta.dirname, "../../prisma/seed/catalog.json"));
});

const QUERIES = ["ผ้าไหม", "silk scarf", "coffee", "ตะกร้", "น้ำพิก", "rice", "otop", ""];

async function answers(engine: ReturnType<typeof createBuiltinEngine>) {
  const out: unknown[] = [];
  for (const q of QUERIES) {
    const results = await engine.search({ q, perPage: 48 });
    out.push({ q, total: results.total, slugs: results.hits.map((hit) => hit.slug), facets: results.facets, didYouMean: results.didYouMean });
  }
  return out;
}

describe("incremental indexing", () => {
  it("answers exactly as a fresh index of the same products, through replacements, removals and compaction", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            remove: fc.boolean(),
            product: fc.nat({ max: 23 }),
            retitle: fc.constantFrom(null, "ผ้าไหมแท้", "Roasted coffee", "ตะกร้าสาน"),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        async (steps) => {
          // A small catalog, so that a few replacements are enough to trigger compaction.
          const products = catalog.slice(0, 24);
          const engine = createBuiltinEngine({ compactAfterDeadPostings: 50 });
          await engine.index(products);
          const current = new Map(products.map((doc) => [doc.slug, doc]));
          for (const { remove, product, retitle } of steps) {
            const doc = products[product];
            if (remove) {
              await engine.remove([doc.slug]);
              current.delete(doc.slug);
            } else {
              const changed = retitle ? { ...doc, titleTh: retitle } : doc;
              await engine.index([changed]);
              current.set(doc.slug, changed);
            }
          }
          const fresh = createBuiltinEngine();
          await fresh.index([...current.values()]);
          expect(await answers(engine)).toEqual(await answers(fresh));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe("mixing groups at the top", () => {
  const kindOf = (groupSlug: string, n: number, extra = ""): SearchDocument => ({
    ...catalog[0],
    slug: `${groupSlug}-basket-${n}`,
    titleTh: `ตะกร้าหวาย ${n}${extra}`,
    titleEn: `Rattan basket ${n}${extra}`,
    storyTh: "",
    storyEn: "",
    productType: "rattan-basket",
    groupSlug,
    groupNameTh: groupSlug,
    groupNameEn: groupSlug,
  });

  it("shows different groups before repeating one when they sell the same kind", async () => {
    const engine = createBuiltinEngine();
    await engine.index(["a", "b", "c"].flatMap((group) => [1, 2, 3].map((n) => kindOf(`group-${group}`, n))));
    const groups = (await engine.search({ q: "ตะกร้าหวาย", perPage: 9 })).hits.map((hit) => hit.document.groupSlug);
    expect(new Set(groups.slice(0, 3)).size).toBe(3);
    expect(new Set(groups.slice(3, 6)).size).toBe(3);
  });

  it("keeps a clearly better match first and never pulls up another kind for its group", async () => {
    const engine = createBuiltinEngine();
    const best = { ...kindOf("group-a", 1), titleTh: "ตะกร้าหวาย ตะกร้าหวาย", titleEn: "Rattan basket, rattan" };
    const other = { ...kindOf("group-z", 9), productType: "rattan-bag", titleTh: "กระเป๋าหวาย ทรงตะกร้า", titleEn: "Rattan bag" };
    await engine.index([best, kindOf("group-a", 2), kindOf("group-b", 1), kindOf("group-b", 2), other]);
    const ranked = (await engine.search({ q: "ตะกร้าหวาย", perPage: 5 })).hits.map((hit) => hit.slug);
    expect(ranked[0]).toBe(best.slug);
    expect(ranked[1]).toBe("group-b-basket-1");
    expect(ranked.at(-1)).toBe(other.slug);
  });

  it("cuts every page from the same list", async () => {
    const engine = createBuiltinEngine();
    await engine.index(catalog);
    for (const q of ["rice", "ผ้า", "basket"]) {
      const all = (await engine.search({ q, perPage: 48 })).hits.map((hit) => hit.slug);
      const paged: string[] = [];
      for (let page = 1; page <= Math.ceil(all.length / 7); page++) paged.push(...(await engine.search({ q, perPage: 7, page })).hits.map((hit) => hit.slug));
      expect(paged).toEqual(all);
    }
  });
});
