/**
 * Thai spelling forgiveness in the built-in engine, over the demo catalog: the misspelt-query
 * judgments per kind of slip, "did you mean" with the corrected word in place, and the promises
 * that keep it honest (correct spellings are never "corrected", exact matches still come first).
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createBuiltinEngine } from "./builtin/engine.ts";
import { loadCatalogFile } from "./catalog.ts";
import type { SearchDocument } from "./document.ts";
import { type SearchEngine, inferLang } from "./port.ts";
import { loadJudgments, ndcgAt } from "./relevance.ts";
import { loadMisspellings } from "./spelling-judgments.ts";
import { containsThai, normalizeText } from "./tokenizer.ts";

const root = path.resolve(import.meta.dirname, "..");
let engine: SearchEngine;
let catalog: SearchDocument[];

beforeAll(async () => {
  catalog = await loadCatalogFile(path.join(root, "prisma/seed/catalog.json"));
  engine = createBuiltinEngine();
  await engine.index(catalog);
});

const slugs = async (q: string) => (await engine.search({ q, lang: inferLang(q), perPage: 10 })).hits.map((hit) => hit.slug);

describe("misspelt queries", async () => {
  const { queries } = await loadMisspellings(path.join(root, "tests/fixtures/relevance-misspelled.json"));
  const kinds = [...new Set(queries.map((q) => q.kind))];

  it.each(kinds)("rank the products meant first: %s", async (kind) => {
    const scores: string[] = [];
    for (const { query, relevant } of queries.filter((q) => q.kind === kind)) {
      const ndcg = ndcgAt(10, await slugs(query), new Set(relevant));
      if (ndcg < 0.9) scores.push(`${query}: ${ndcg.toFixed(3)}`);
    }
    expect(scores).toEqual([]);
  });

  it("offer the corrected Thai words in place when the spelling differs", async () => {
    const wrong: string[] = [];
    for (const { query, meant } of queries.filter((q) => containsThai(q.query))) {
      const { didYouMean } = await engine.search({ q: query, perPage: 1 });
      // Mark-order slips fold to the very same word: nothing to correct, nothing to offer.
      const expected = normalizeText(query) === normalizeText(meant) ? undefined : meant;
      if (didYouMean !== expected) wrong.push(`${query}: ${didYouMean} (expected ${expected})`);
    }
    expect(wrong).toEqual([]);
  });

  it("correct only the misspelt words and keep the rest as typed", async () => {
    expect((await engine.search({ q: "ผ้าใหม ลายนาคน้อย" })).didYouMean).toBe("ผ้าไหม ลายนาคน้อย");
    expect((await engine.search({ q: "silk กาแฝ" })).didYouMean).toBe("silk กาแฟ");
  });

  it("choose, between words that sound alike, the one that goes with the words beside it", async () => {
    // คาม sounds like both คราม (indigo) and ความ; only ย้อมคราม is said in the catalog.
    expect((await engine.search({ q: "ย้อมคาม" })).didYouMean).toBe("ย้อมคราม");
  });
});

describe("correct spellings", () => {
  it("are never corrected: every judged query and every word of a product title", async () => {
    const judged = (await loadJudgments(path.join(root, "tests/fixtures/relevance-dev.json"))).queries.map((q) => q.query);
    const titleWords = [...new Set(catalog.flatMap((doc) => doc.titleTh.split(/\s+/)))];
    const corrected: string[] = [];
    for (const q of [...judged, ...titleWords]) {
      const results = await engine.search({ q, perPage: 1 });
      if (results.didYouMean) corrected.push(`${q} → ${results.didYouMean}`);
      expect(results.total, q).toBeGreaterThan(0);
    }
    expect(corrected).toEqual([]);
  });

  it("still come first when a product is literally written the way another is misspelt", async () => {
    const literal = { ...catalog[0], slug: "literal-kafae", titleTh: "กาแฝ ยี่ห้อใหม่", titleEn: "Ka Fae brand", productType: "brand-test" };
    await engine.index([literal]);
    try {
      const results = await engine.search({ q: "กาแฝ", perPage: 5 });
      expect(results.hits[0].slug).toBe("literal-kafae");
      expect(results.didYouMean).toBeUndefined();
    } finally {
      await engine.remove(["literal-kafae"]);
    }
    expect((await engine.search({ q: "กาแฝ" })).didYouMean).toBe("กาแฟ");
  });

  it("fold mark slips to the same results as the correct spelling", async () => {
    expect(await slugs("น\u0E49\u0E4D\u0E32พริก")).toEqual(await slugs("น้ำพริก"));
    expect(await slugs("ผ้้าไหม")).toEqual(await slugs("ผ้าไหม"));
    expect(await slugs("นำ้ผึ้ง")).toEqual(await slugs("น้ำผึ้ง"));
  });
});
