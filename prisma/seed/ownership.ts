/**
 * Whose value is it, the seed's or the group's? `npm run db:seed` also runs on a database where
 * groups have been at work (and to upgrade one seeded from an earlier catalog version), so it
 * must tell what it wrote itself from what someone changed. For each column of a group or
 * product row that already exists:
 *
 *   1. empty (null or "")                  → filled from the file (new fields of a new version);
 *   2. equal to the file                   → nothing to do;
 *   3. equal to what an earlier version of the demo catalog wrote there (its fingerprint is in
 *      catalog-history.json)               → still the seed's, so brought up to the file;
 *   4. anything else                       → changed by the group, staff or an order: kept.
 *
 * Missing rows are created; nothing is deleted. Comparing values, not timestamps, is deliberate:
 * an order that takes one unit of stock touches a product's updatedAt but not its story, and a
 * database seeded before this rule existed has no timestamp of the seed's to compare with.
 *
 * When catalog.json is replaced by a new version, record the old one first:
 *   npx tsx prisma/scripts/catalog-history.ts OLD_CATALOG.json
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CatalogFile } from "./catalog-file";
import { groupColumns, productColumns } from "./catalog-rows";

type Columns = Record<string, unknown>;
/** slug → column → fingerprints of values earlier catalog versions wrote there. */
type Earlier = Record<string, Record<string, string[]>>;
export type SeedHistory = { groups: Earlier; products: Earlier };

export const historyPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "catalog-history.json");

export function readSeedHistory(file = historyPath): SeedHistory {
  if (!fs.existsSync(file)) return { groups: {}, products: {} };
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<SeedHistory>;
  return { groups: parsed.groups ?? {}, products: parsed.products ?? {} };
}

export function fingerprint(value: unknown): string {
  return crypto.createHash("sha256").update(JSON.stringify(value ?? null)).digest("hex").slice(0, 16);
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === "";

/** The columns of an existing row the seed may set to the file's values, by the rule above. */
export function seedUpdate(current: Columns, wanted: Columns, earlier: Record<string, string[]> = {}): Columns {
  const update: Columns = {};
  for (const [column, value] of Object.entries(wanted)) {
    const now = current[column];
    if (now === value || (isEmpty(now) && isEmpty(value))) continue;
    if (isEmpty(now) || earlier[column]?.includes(fingerprint(now))) update[column] = value;
  }
  return update;
}

/** `history` plus the values `previous` wrote that `current` writes differently. */
export function historyBetween(previous: CatalogFile, current: CatalogFile, history: SeedHistory): SeedHistory {
  const record = (earlier: Earlier, slug: string, before: Columns, after: Columns | undefined) => {
    if (!after) return;
    for (const [column, value] of Object.entries(before)) {
      if (isEmpty(value) || value === after[column]) continue;
      const prints = ((earlier[slug] ??= {})[column] ??= []);
      if (!prints.includes(fingerprint(value))) prints.push(fingerprint(value));
    }
  };
  const next: SeedHistory = structuredClone(history);
  const groups = new Map(current.groups.map((group) => [group.slug, groupColumns(group)]));
  const products = new Map(current.products.map((product) => [product.slug, productColumns(product)]));
  for (const group of previous.groups) record(next.groups, group.slug, groupColumns(group), groups.get(group.slug));
  for (const product of previous.products) record(next.products, product.slug, productColumns(product), products.get(product.slug));
  return next;
}
