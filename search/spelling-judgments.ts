/**
 * The misspelt-query judgments (tests/fixtures/relevance-misspelled.json): queries written the
 * way buyers really slip, grouped by kind of slip, each with the spelling meant and the products
 * it should find. Read by the benchmark and the spelling regression test.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";

export const misspellingsSchema = z.object({
  queries: z.array(
    z.object({
      kind: z.string().min(1),
      query: z.string().min(1),
      meant: z.string().min(1),
      relevant: z.array(z.string()).min(1),
    }),
  ),
});
export type Misspellings = z.infer<typeof misspellingsSchema>;

export async function loadMisspellings(path: string): Promise<Misspellings> {
  return misspellingsSchema.parse(JSON.parse(await readFile(path, "utf8")));
}
