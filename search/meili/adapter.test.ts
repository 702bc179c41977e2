/**
 * The Meilisearch adapter's own promises, checked against a stand-in server (no real one can run
 * here; engine.test.ts runs the full contract when MEILI_URL names one): a full rebuild fills a
 * staging index and swaps it in, so the live index never empties; a failed task is surfaced with
 * the server's reason; "did you mean" is asked for only when the words as typed did poorly.
 */
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadCatalogFile } from "../catalog.ts";
import type { SearchDocument } from "../document.ts";
import type { SearchEngine } from "../port.ts";
import { createMeiliEngine, mixGroups } from "./engine.ts";
import { type FakeMeili, startFakeMeili } from "./fake-server.test-helper.ts";

let catalog: SearchDocument[];
let meili: FakeMeili;
let engine: SearchEngine;

beforeAll(async () => {
  catalog = await loadCatalogFile(path.resolve(import.meta.dirname, "../../prisma/seed/catalog.json"));
});

beforeEach(async () => {
  meili = await startFakeMeili();
  engine = createMeiliEngine({ host: meili.url, indexName: "products", timeoutMs: 5_000 });
  await engine.init();
  await engine.index(catalog.slice(0, 3));
  meili.requests.length = 0;
});

afterEach(async () => {
  await meili.close();
});

const steps = () => meili.requests.map((request) => `${request.method} ${request.path.split("?")[0]}`);
const live = () => [...(meili.indexes.get("products")?.keys() ?? [])].sort();

async function* batches(docs: SearchDocument[], during: () => void) {
  for (let start = 0; start < docs.length; start += 2) {
    during();
    yield docs.slice(start, start + 2);
  }
}

describe("a full rebuild", () => {
  it("fills a staging index and swaps it in: the live index answers in full until the swap", async () => {
    const before = live();
    const next = catalog.slice(10, 15);
    let checks = 0;
    const { indexed } = await engine.replaceAll(
      batches(next, () => {
        expect(live()).toEqual(before);
        checks++;
      }),
    );
    expect(checks).toBe(3);
    expect(indexed).toBe(5);
    expect(live()).toEqual(next.map((doc) => doc.slug).sort());
    expect(meili.indexes.has("products_next")).toBe(false);
    expect(steps()).toEqual([
      "DELETE /indexes/products_next",
      "POST /indexes",
      "PATCH /indexes/products_next/settings",
      "POST /indexes/products_next/documents",
      "POST /indexes/products_next/documents",
      "POST /indexes/products_next/documents",
      "POST /swap-indexes",
      "DELETE /indexes/products_next",
    ]);
    // Nothing was ever deleted from, or written to, the index buyers search.
    expect(meili.requests.filter((request) => request.path.startsWith("/indexes/products/"))).toEqual([]);
  });

  it("stops at a failed task with the server's reason, without swapping, and drops the half-built index", async () => {
    meili.failTask((request) =>
      request.path.startsWith("/indexes/products_next/documents") ? { code: "invalid_document_fields", message: "The `priceSatang` field is not a number." } : undefined,
    );
    const before = live();
    await expect(engine.replaceAll(batches(catalog.slice(10, 15), () => {}))).rejects.toThrow(
      /staging indexing failed \(task \d+, documentAdditionOrUpdate on products_next\): invalid_document_fields: The `priceSatang` field is not a number\./,
    );
    expect(steps()).not.toContain("POST /swap-indexes");
    expect(steps().at(-1)).toBe("DELETE /indexes/products_next");
    expect(live()).toEqual(before);
    expect(meili.indexes.has("products_next")).toBe(false);
  });
});

describe("task failures", () => {
  it("are thrown with what was being done and the server's reason, so the outbox keeps the message", async () => {
    meili.failTask(() => ({ code: "document_fields_limit_reached", message: "A document cannot contain more than 65,535 fields." }));
    await expect(engine.index(catalog.slice(5, 6))).rejects.toMatchObject({
      name: "MeiliTaskError",
      message: expect.stringContaining("indexing failed") as unknown,
      task: { status: "failed", error: { code: "document_fields_limit_reached" } },
    });
    await expect(engine.remove([catalog[0].slug])).rejects.toThrow(/removal failed .*document_fields_limit_reached/);
  });

  it("let init pass when the index already exists, and only then", async () => {
    await expect(engine.init()).resolves.toBeUndefined();
    meili.failTask((request) => (request.path.includes("settings") ? { code: "invalid_settings_ranking_rules", message: "bad rule" } : undefined));
    await expect(engine.init()).rejects.toThrow(/settings failed .*invalid_settings_ranking_rules: bad rule/);
  });
});

describe("did you mean", () => {
  const silk = () => catalog.find((doc) => doc.titleTh.includes("ผ้าไหม"))!;
  const hit = (doc: SearchDocument, details?: Record<string, unknown>) => ({ ...doc, ...(details ? { _rankingScoreDetails: details } : {}) });
  const exact = { words: { order: 0, matchingWords: 1, maxMatchingWords: 1, score: 1 }, typo: { order: 1, typoCount: 0, maxTypoCount: 0, score: 1 } };

  it("is not asked for when the words as typed matched exactly", async () => {
    meili.onSearch(() => ({ hits: [hit(silk(), exact)], totalHits: 1 }));
    const results = await engine.search({ q: "ผ้าไหม" });
    expect(results.didYouMean).toBeUndefined();
    expect(steps()).toEqual(["POST /indexes/products/search"]);
  });

  it("replaces the misspelt Thai word in place when nothing was found, and shows what the correction finds", async () => {
    const doc = silk();
    meili.onSearch((_index, body) => {
      if (body.attributesToSearchOn) {
        // The sound-key lookup: answer with the stored document's keys and words.
        const stored = meili.indexes.get("products")!.get(doc.slug)!;
        return { hits: [{ soundKeys: stored.soundKeys, soundWords: stored.soundWords }], totalHits: 1 };
      }
      return String(body.q).includes("ผ้าไหม") ? { hits: [hit(doc, exact)], totalHits: 1 } : { hits: [], totalHits: 0 };
    });
    await engine.index([doc]);
    meili.requests.length = 0;
    const results = await engine.search({ q: "ผ้าใหม ทอมือ" });
    expect(results.didYouMean).toBe("ผ้าไหม ทอมือ");
    expect(results.hits.map((h) => h.slug)).toEqual([doc.slug]);
    expect(steps()).toEqual(["POST /indexes/products/search", "POST /indexes/products/search", "POST /indexes/products/search"]);
  });

  it("is asked for when only some of the words matched, replacing the unknown word in place", async () => {
    const doc = silk();
    const partial = { words: { order: 0, matchingWords: 1, maxMatchingWords: 2, score: 0.5 } };
    meili.onSearch(() => ({ hits: [hit(doc, partial)], totalHits: 1 }));
    const results = await engine.search({ q: "silk scraf" });
    expect(results.hits.map((h) => h.slug)).toEqual([doc.slug]);
    expect(results.didYouMean).toBe("silk scarf");
    expect(meili.requests.map((request) => (request.body as { q?: string }).q)).toEqual(["silk scraf", "silk scarf"]);
  });
});

describe("groups mixed at the top", () => {
  const hit = (slug: string, groupSlug: string, productType: string, _rankingScore: number) => ({ slug, groupSlug, productType, _rankingScore });

  it("shows another group's equally good product of the same kind before a group's second one", () => {
    const hits = [hit("a1", "a", "silk", 0.9), hit("a2", "a", "silk", 0.89), hit("b1", "b", "silk", 0.88), hit("a3", "a", "silk", 0.87)];
    expect(mixGroups(hits).map((h) => h.slug)).toEqual(["a1", "b1", "a2", "a3"]);
  });

  it("keeps a clearly better match first and never pulls up another kind for its group", () => {
    expect(mixGroups([hit("a1", "a", "silk", 0.95), hit("a2", "a", "silk", 0.94), hit("b1", "b", "silk", 0.5)]).map((h) => h.slug)).toEqual(["a1", "a2", "b1"]);
    expect(mixGroups([hit("a1", "a", "silk", 0.9), hit("a2", "a", "silk", 0.89), hit("b1", "b", "coffee", 0.88)]).map((h) => h.slug)).toEqual(["a1", "a2", "b1"]);
  });

  it("re-orders only the first page of a relevance search", async () => {
    const docs = catalog.filter((doc) => doc.productType === catalog[0].productType).slice(0, 2);
    const [first, second] = docs;
    const same = { ...second, slug: `${first.slug}-again`, groupSlug: first.groupSlug };
    const answer = [
      { ...first, _rankingScore: 0.9 },
      { ...same, _rankingScore: 0.89 },
      { ...second, groupSlug: `${first.groupSlug}-other`, _rankingScore: 0.88 },
    ];
    meili.onSearch(() => ({ hits: answer, totalHits: 3 }));
    const order = async (query: object) => (await engine.search({ q: "x", ...query })).hits.map((h) => h.slug);
    expect(await order({})).toEqual([first.slug, second.slug, same.slug]);
    expect(await order({ page: 2 })).toEqual([first.slug, same.slug, second.slug]);
    expect(await order({ sort: "price-asc" })).toEqual([first.slug, same.slug, second.slug]);
  });
});
