/**
 * `npm run bench:search`: relevance on the dev judgments, then index build time, heap growth and
 * query latency of the built-in engine on 10k and 100k synthetic products (demo products cloned
 * with seeded-random slugs, prices and provinces). Prints one JSON object on stdout; progress on
 * stderr. Run with `node --expose-gc` (NODE_OPTIONS) for exact heap numbers.
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createBuiltinEngine } from "../builtin/engine.ts";
import { loadCatalogFile } from "../catalog.ts";
import type { SearchDocument } from "../document.ts";
import { inferLang } from "../port.ts";
import { evaluateEngine, loadJudgments } from "../relevance.ts";
import { seededRandom } from "~/cli/seeded-random";

const root = path.resolve(import.meta.dirname, "../..");
const SIZES = [10_000, 100_000];
const QUERY_ROUNDS = 240;


function synthesize(base: SearchDocument[], count: number, seed: number): SearchDocument[] {
  const random = seededRandom(seed);
  const provinces = [...new Map(base.map((doc) => [doc.provinceEn, doc.provinceTh])).entries()];
  return Array.from({ length: count }, (_, i) => {
    const doc = base[Math.floor(random() * base.length)];
    const [provinceEn, provinceTh] = provinces[Math.floor(random() * provinces.length)];
    return {
      ...doc,
      slug: `${doc.slug}-${i.toString(36)}`,
      groupSlug: `${doc.groupSlug}-${(i % 997).toString(36)}`,
      provinceEn,
      provinceTh,
      priceSatang: Math.max(100, Math.round(doc.priceSatang * (0.5 + random()))),
      inStock: random() < 0.7,
      createdAt: doc.createdAt + i,
    };
  });
}

function heapUsed(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

async function main(): Promise<void> {
  const catalog = await loadCatalogFile(path.join(root, "prisma/seed/catalog.json"));
  const judgments = await loadJudgments(path.join(root, "tests/fixtures/relevance-dev.json"));

  const demo = createBuiltinEngine();
  await demo.index(catalog);
  const evaluation = await evaluateEngine(demo, judgments);
  process.stderr.write(`relevance: mean nDCG@10 ${evaluation.meanNdcg10.toFixed(4)}\n`);

  const queryMix = [
    ...judgments.queries.map((q) => q.query),
    ...["cofee", "hony", "bsket", "silk scraf", "cof", "ตะกร้", "ผ้าไหมมั", "rice", "chili paste", "เครื่องเงิน"],
    ...["Khon Kaen", "กาแฟ", "umbrella", "dried banana", "ชาใบหม่อน", "mat", "otop", "น้ำผึ้ง"],
  ];

  const scale: Record<string, unknown> = {};
  for (const size of SIZES) {
    const documents = synthesize(catalog, size, size);
    const before = heapUsed();
    const engine = createBuiltinEngine();
    const started = performance.now();
    await engine.index(documents);
    const indexBuildMs = performance.now() - started;
    const heapUsedMB = (heapUsed() - before) / 1_048_576;
    process.stderr.write(`${size}: built in ${indexBuildMs.toFixed(0)} ms, heap +${heapUsedMB.toFixed(0)} MB\n`);

    for (const q of queryMix) await engine.search({ q, lang: inferLang(q), perPage: 24 }); // warm-up
    const timings: number[] = [];
    for (let i = 0; i < QUERY_ROUNDS; i++) {
      const q = queryMix[i % queryMix.length];
      const t0 = performance.now();
      await engine.search({ q, lang: inferLang(q), perPage: 24 });
      timings.push(performance.now() - t0);
    }
    timings.sort((a, b) => a - b);
    scale[String(size)] = {
      products: size,
      indexBuildMs: round(indexBuildMs, 0),
      heapUsedMB: round(heapUsedMB, 1),
      heapMeasurement: globalThis.gc ? "exact (gc exposed)" : "approximate (run with --expose-gc)",
      queries: timings.length,
      latencyMs: { p50: round(percentile(timings, 50)), p95: round(percentile(timings, 95)), p99: round(percentile(timings, 99)) },
    };
    process.stderr.write(`${size}: p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms\n`);
    await engine.clear();
  }

  const report = {
    engine: "builtin",
    relevance: {
      judgments: "tests/fixtures/relevance-dev.json",
      meanNdcg10: round(evaluation.meanNdcg10, 4),
      perQuery: Object.fromEntries(evaluation.perQuery.map((q) => [q.query, round(q.ndcg10, 4)])),
      emptyQueries: evaluation.emptyQueries,
    },
    scale,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:search: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
