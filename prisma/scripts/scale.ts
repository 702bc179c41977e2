/**
 * `npm run db:scale -- --products N [--database URL]`: tops the catalog up to
 * N active products with synthetic clones of the demo catalog, for load tests.
 * Without --database it uses the store's own database (DATABASE_URL or the
 * embedded one under DATA_DIR), seeding the demo catalog first if it is empty.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { config } from "~/config.server";
import { createDb } from "~/db/client.server";
import { prepareDatabase } from "~/db/database.server";
import { progressBar } from "~/cli/progress";
import { scaleCatalog } from "../scale/catalog-scaler";
import { seedDemo, seedDemoImages } from "../seed/demo";

const argsSchema = z.object({
  products: z.string({ message: "--products N is required" }).pipe(
    z.coerce
      .number<string>({ message: "--products must be a number" })
      .int("--products must be a whole number")
      .positive("--products must be positive")
      .max(2_000_000, "--products must be at most 2000000"),
  ),
  database: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "--database must be a PostgreSQL URL")
    .optional(),
});

let args: z.infer<typeof argsSchema>;
try {
  const { values } = parseArgs({ options: { products: { type: "string" }, database: { type: "string" } }, strict: true });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("\n"));
  args = parsed.data;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\nusage: npm run db:scale -- --products N [--database postgresql://…]`);
  process.exit(2);
}

const database = await prepareDatabase(args.database ? { ...config(), DATABASE_URL: args.database } : config());
const db = createDb(database.url);
try {
  if ((await db.occupationGroup.count()) === 0) {
    const bar = progressBar("Seeding the demo catalog");
    await seedDemo(db, { onProgress: bar.update });
    bar.done();
    const images = progressBar("Drawing demo images");
    await seedDemoImages(db, { onProgress: images.update });
    images.done();
  }
  const bar = progressBar(`Scaling to ${args.products} products`);
  const report = await scaleCatalog(db, { products: args.products, onProgress: bar.update });
  bar.done();
  console.log(
    report.added === 0
      ? `Already ${report.before} active products; nothing added.`
      : `Added ${report.added} products and ${report.groupsAdded} groups: ${report.before} → ${report.after} active products.`,
  );
} finally {
  await db.$disconnect();
  await database.stop();
}
process.exit(0);
