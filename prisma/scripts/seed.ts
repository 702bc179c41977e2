/**
 * `npm run db:seed`: (re)seeds the demo catalog and accounts, idempotently.
 */
import { config } from "~/config.server";
import { createDb } from "~/db/client.server";
import { prepareDatabase } from "~/db/database.server";
import { progressBar } from "~/cli/progress";
import { seedDemo } from "../seed/demo";

const database = await prepareDatabase(config());
const db = createDb(database.url);
try {
  const bar = progressBar("Seeding demo catalog");
  const report = await seedDemo(db, { onProgress: bar.update });
  bar.done();
  console.log(`Seeded ${report.groups} groups, ${report.products} products, ${report.accounts} demo accounts.`);
} finally {
  await db.$disconnect();
  await database.stop();
}
// pg pools keep idle timers alive for a while; the work is done, so leave now.
process.exit(0);
