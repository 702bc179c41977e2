/**
 * Reads the demo catalog file (prisma/seed/catalog.json). Its format (versions 1 and 2) is
 * defined once in search/catalog-file.ts, which search's tools read too; it is checked by zod
 * because it is read from disk and its slugs are promises kept to the outside world.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { catalogFileSchema, type CatalogFile } from "../../search/catalog-file.ts";

export { catalogFileSchema };
export type { CatalogFile, CatalogGroup, CatalogProduct, CatalogShipping } from "../../search/catalog-file.ts";

export const demoCatalogPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "catalog.json");

export function readCatalogFile(file = demoCatalogPath): CatalogFile {
  return catalogFileSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}
