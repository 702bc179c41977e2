/**
 * `npm run db:seed`: seeds the demo catalog and accounts, idempotently, keeping what groups
 * changed (prisma/seed/ownership.ts), then draws the demo pictures that are missing.
 */
import { config } from "~/config.server";
import { createDb } from "~/db/client.server";
import { prepareDatabase } from "~/db/database.server";
import { progressBar } from "~/cli/progress";
import { seedDemo, seedDemoImages } from "../seed/demo";

const database = await prepareDatabase(config());
const db = createDb(database.url);
try {
  const bar = progressBar("Seeding demo catalog");
  const report = await seedDemo(db, { onProgress: bar.update });
  bar.done();
  const images = progressBar("Drawing demo images");
  const linked = await seedDemoImages(db, { onProgress: images.update });
  images.done();
  console.log(
    [
      `Demo catalog: ${report.groups} groups, ${report.products} products, ${report.accounts} demo accounts.`,
      `Created ${report.created.groups} groups, ${report.created.products} products, ${report.created.shippingMethods} shipping methods; ` +
        `brought ${report.updated.groups} groups and ${report.updated.products} products up to date; ` +
        `kept ${report.kept} values someone changed (prisma/seed/ownership.ts).`,
      `Linked ${linked.products} product pictures and ${linked.groups} group covers.`,
    ].join("\n"),
  );
} finally {
  await db.$disconnect();
  await database.stop();
}
// pg pools keep idle timers alive for a while; the work is done, so leave now.
process.exit(0);
