/**
 * Offline relevance measurement: nDCG@10 with binary judgments, and an evaluator that runs an
 * engine over a judgment file ({queries:[{query, relevant:[slug…]}]}). Used by the regression
 * test and the benchmark; the same numbers are comparable across engines.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { type SearchEngine, inferLang } from "./port.ts";

export const judgmentsSchema = z.object({
  queries: z.array(z.object({ query: z.string(), relevant: z.array(z.string()) })),
});
export type Judgments = z.infer<typeof judgmentsSchema>;

export async function loadJudgments(path: string): Promise<Judgments> {
  return judgmentsSchema.parse(JSON.parse(await readFile(path, "utf8")));
}

/** nDCG@k with gain 1 for a relevant slug; 1 when nothing is relevant and nothing is returned. */
export function ndcgAt(k: number, ranked: readonly string[], relevant: ReadonlySet<string>): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((slug, i) => {
    if (relevant.has(slug)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  if (ideal === 0) return ranked.length === 0 ? 1 : 0;
  return dcg / ideal;
}

export type QueryEvaluation = { query: string; ndcg10: number; returned: number; top: string[] };
export type Evaluation = { meanNdcg10: number; perQuery: QueryEvaluation[]; emptyQueries: string[] };

/** Runs each judged query the way the storefront does (relevance sort, language inferred). */
export async function evaluateEngine(engine: SearchEngine, judgments: Judgments): Promise<Evaluation> {
  const perQuery: QueryEvaluation[] = [];
  for (const { query, relevant } of judgments.queries) {
    const results = await engine.search({ q: query, lang: inferLang(query), perPage: 10 });
    const top = results.hits.map((hit) => hit.slug);
    perQuery.push({ query, ndcg10: ndcgAt(10, top, new Set(relevant)), returned: results.total, top });
  }
  const meanNdcg10 = perQuery.reduce((sum, q) => sum + q.ndcg10, 0) / Math.max(1, perQuery.length);
  const emptyQueries = perQuery.filter((q) => q.returned === 0).map((q) => q.query);
  return { meanNdcg10, perQuery, emptyQueries };
}
