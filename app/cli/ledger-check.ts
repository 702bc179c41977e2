/**
 * `npm run ledger:check`: proves the ledger (see app/modules/ledger/check.server.ts) on the
 * configured database (prepared as for `npm start`), prints a JSON summary on stdout, and exits
 * 1 when any transaction is unbalanced or any payment is not paid out, held, kept or refunded to
 * the satang.
 */
import { ConfigError, config } from "~/config.server";
import { createDb } from "~/db/client.server";
import { prepareDatabase } from "~/db/database.server";
import { checkLedger } from "~/modules/ledger/check.server";

let settings;
try {
  settings = config();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`ledger:check: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
const database = await prepareDatabase(settings);
const client = createDb(database.url);
let exitCode = 0;
try {
  const report = await checkLedger(client);
  console.log(JSON.stringify(report, null, 2));
  if (!report.ok) exitCode = 1;
} catch (error) {
  process.stderr.write(`ledger:check: ${error instanceof Error ? error.message : String(error)}\n`);
  exitCode = 1;
} finally {
  await client.$disconnect();
  await database.stop();
}
process.exit(exitCode);
