/**
 * After the browser journeys: `ledger:check` on the database they leave behind (the demo data and
 * every order the journeys placed, paid, refunded and paid out; the fixtures remove only whole
 * transactions of the groups they made), so a journey that leaves money unaccounted for fails
 * the run as an integration test does (tests/setup/per-file.ts).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { EMBEDDED_DATABASE } from "../app/db/database.server";
import { embeddedDatabaseUrl } from "../app/db/embedded-postgres.server";
import { PrismaClient } from "../app/generated/prisma/client";
import { checkLedger } from "../app/modules/ledger/check.server";
import { e2e } from "./env";

export default async function ledgerCheck(): Promise<void> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: embeddedDatabaseUrl(e2e.pgPort, EMBEDDED_DATABASE), max: 1 }) });
  try {
    const report = await checkLedger(db);
    if (!report.ok) throw new Error(`ledger:check fails on the database the browser journeys leave behind:\n${report.problems.join("\n")}`);
    console.log(`ledger:check on the journeys' database: ${report.transactions} transactions, ${report.groupOrders} group orders, all accounted for`);
  } finally {
    await db.$disconnect();
  }
}
