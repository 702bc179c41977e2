/**
 * `npx tsx prisma/scripts/catalog-history.ts OLD_CATALOG.json`: before catalog.json is replaced
 * by a new version, records the fingerprints of the values the old version seeded that the new
 * one changes (prisma/seed/catalog-history.json), so `npm run db:seed` can still recognise them
 * as the seed's and bring them up to date, while keeping what groups changed (prisma/seed/ownership.ts).
 */
import fs from "node:fs";
import { readCatalogFile } from "../seed/catalog-file";
import { historyBetween, historyPath, readSeedHistory } from "../seed/ownership";

const previousFile = process.argv[2];
if (!previousFile) {
  console.error("usage: npx tsx prisma/scripts/catalog-history.ts OLD_CATALOG.json");
  process.exit(2);
}
const history = historyBetween(readCatalogFile(previousFile), readCatalogFile(), readSeedHistory());
const note = "Fingerprints (sha256 of the JSON value, 16 hex digits) of values earlier demo catalogs seeded; see prisma/seed/ownership.ts.";
fs.writeFileSync(historyPath, `${JSON.stringify({ note, ...history }, null, 1)}\n`);
const count = (earlier: Record<string, Record<string, string[]>>) => Object.values(earlier).reduce((sum, columns) => sum + Object.keys(columns).length, 0);
console.log(`Recorded ${count(history.groups)} group and ${count(history.products)} product values in ${historyPath}`);
