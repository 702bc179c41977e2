import path from "node:path";
import { describe, expect, it } from "vitest";
import { createBuiltinEngine } from "./builtin/engine.ts";
import { loadCatalogFile } from "./catalog.ts";
import { evaluateEngine, loadJudgments, ndcgAt } from "./relevance.ts";

const root = path.resolve(import.meta.dirname, "..");

describe("ndcgAt", () => {
  it("is 1 for a perfect ranking and less when relevant items come late", () => {
    const relevant = new Set(["a", "b"]);
    expect(ndcgAt(10, ["a", "b", "x"], relevant)).toBe(1);
    expect(ndcgAt(10, ["x", "a", "b"], relevant)).toBeLessThan(1);
    expect(ndcgAt(10, ["x", "y"], relevant)).toBe(0);
    expect(ndcgAt(1, ["b"], relevant)).toBe(1);
  });

  it("only counts the top k", () => {
    const ranked = Array.from({ length: 11 }, (_, i) => (i === 10 ? "hit" : `miss-${i}`));
    expect(ndcgAt(10, ranked, new Set(["hit"]))).toBe(0);
  });
});

describe("built-in engine relevance on the dev judgments (regression guard)", () => {
  it("keeps mean nDCG@10 >= 0.95 and answers every judged query", async () => {
    const engine = createBuiltinEngine();
    await engine.index(await loadCatalogFile(path.join(root, "prisma/seed/catalog.json")));
    const evaluation = await evaluateEngine(
      engine,
      await loadJudgments(path.join(root, "tests/fixtures/relevance-dev.json")),
    );
    const weak = evaluation.perQuery.filter((q) => q.ndcg10 < 0.8).map((q) => `${q.query}: ${q.ndcg10.toFixed(3)}`);
    expect(evaluation.emptyQueries).toEqual([]);
    expect(weak).toEqual([]);
    expect(evaluation.meanNdcg10).toBeGreaterThanOrEqual(0.95);
  });
});
