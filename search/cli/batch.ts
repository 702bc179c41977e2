/**
 * Batch search: `npm run --silent search:batch -- --catalog PATH < queries.txt`.
 * Builds the built-in index from a catalog file and answers one query per stdin line with one
 * JSON line {"query","results":[top 10 slugs]}, ranked exactly as the storefront ranks (same
 * engine, vocabulary, relevance sort; language inferred from the script, which never filters).
 * A blank line is answered with empty results so output line N always belongs to input line N.
 * Only answers go to stdout; diagnostics go to stderr. Exit 2 on bad arguments or catalog.
 */
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { z } from "zod";
import { createBuiltinEngine } from "../builtin/engine.ts";
import { loadCatalogFile } from "../catalog.ts";
import { inferLang } from "../port.ts";

const USAGE = "usage: search:batch -- --catalog PATH  (queries on stdin, one per line)";
const TOP = 10;

const argsSchema = z.object({
  catalog: z.string({ error: "--catalog PATH is required" }).min(1, "--catalog PATH is required"),
});

function fail(message: string): never {
  process.stderr.write(`search:batch: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function readArgs(argv: string[]): z.infer<typeof argsSchema> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options: { catalog: { type: "string" } }, strict: true }));
  } catch (error) {
    fail((error as Error).message);
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((issue) => issue.message).join("; "));
  return parsed.data;
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  let documents;
  try {
    documents = await loadCatalogFile(args.catalog);
  } catch (error) {
    const detail = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message;
    fail(`cannot use catalog ${args.catalog}: ${detail}`);
  }
  const engine = createBuiltinEngine();
  await engine.init();
  await engine.index(documents);
  process.stderr.write(`search:batch: indexed ${documents.length} products\n`);

  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const query = line.trim();
    const results = query
      ? (await engine.search({ q: query, lang: inferLang(query), sort: "relevance", page: 1, perPage: TOP })).hits.map(
          (hit) => hit.slug,
        )
      : [];
    process.stdout.write(`${JSON.stringify({ query: line, results })}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`search:batch: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
