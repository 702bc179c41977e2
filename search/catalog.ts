/**
 * The demo catalog file (prisma/seed/catalog.json) as search documents, for the batch CLI, the
 * contract tests and the benchmark. The database sync builds the same documents from rows.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { provinceSlugOf } from "~/modules/groups/provinces";
import { catalogGroupSchema, catalogProductSchema, namedSchema } from "./catalog-file.ts";
import { type SearchDocument, availabilityOf, deliveryOf, searchDocumentSchema } from "./document.ts";

/**
 * The fields of the catalog file a search document needs, taken from its one definition
 * (./catalog-file.ts). Only these are read, so a catalog for relevance evaluation need not carry
 * a group's committee or shipping; stories may be left out.
 */
export const catalogSchema = z.object({
  categories: z.array(namedSchema),
  certifications: z.array(namedSchema),
  groups: z.array(
    catalogGroupSchema
      .pick({ slug: true, name_th: true, name_en: true, province_th: true, province_en: true })
      // Only the kind of each method matters here, so a relevance catalog may name just that.
      .extend({ shipping: z.array(z.object({ kind: z.string() })).optional() }),
  ),
  products: z.array(
    catalogProductSchema
      .pick({
        slug: true,
        group_slug: true,
        category: true,
        product_type: true,
        title_th: true,
        title_en: true,
        price_satang: true,
        made_to_order: true,
        stock: true,
        certifications: true,
        story_th: true,
        story_en: true,
      })
      .partial({ story_th: true, story_en: true }),
  ),
});

export type Catalog = z.infer<typeof catalogSchema>;

/** Fixed epoch so "newest" is deterministic: the catalog lists products oldest first. */
const CATALOG_EPOCH_MS = Date.UTC(2025, 0, 1);
const HOUR_MS = 3_600_000;

/** One document per product; a product whose group or category is missing is a data error. */
export function documentsFromCatalog(catalog: Catalog): SearchDocument[] {
  const groups = new Map(catalog.groups.map((group) => [group.slug, group]));
  const categories = new Map(catalog.categories.map((category) => [category.slug, category]));
  return catalog.products.map((product, index) => {
    const group = groups.get(product.group_slug);
    const category = categories.get(product.category);
    if (!group) throw new Error(`product ${product.slug}: unknown group ${product.group_slug}`);
    if (!category) throw new Error(`product ${product.slug}: unknown category ${product.category}`);
    return searchDocumentSchema.parse({
      slug: product.slug,
      titleTh: product.title_th,
      titleEn: product.title_en,
      storyTh: product.story_th ?? "",
      storyEn: product.story_en ?? "",
      productType: product.product_type,
      categorySlug: category.slug,
      categoryNameTh: category.name_th,
      categoryNameEn: category.name_en,
      groupSlug: group.slug,
      groupNameTh: group.name_th,
      groupNameEn: group.name_en,
      // The file has no province rows, so the slug is made as the seed makes it.
      provinceSlug: provinceSlugOf(group.province_en),
      provinceTh: group.province_th,
      provinceEn: group.province_en,
      certifications: product.certifications,
      priceSatang: product.price_satang,
      madeToOrder: product.made_to_order,
      inStock: availabilityOf({ stock: product.stock, madeToOrder: product.made_to_order }).includes("ready"),
      ...(group.shipping ? deliveryOf(group.shipping.map((method) => shippingKindOf(method.kind))) : { ships: true, pickup: false }),
      createdAt: CATALOG_EPOCH_MS + index * HOUR_MS,
    });
  });
}

/** The file's kinds ("pickup-centre") are the enum's (PICKUP_CENTRE) written as slugs. */
function shippingKindOf(fileKind: string): string {
  return fileKind.toUpperCase().replaceAll("-", "_");
}

/** Reads and validates a catalog file; throws with the zod issues on a malformed file. */
export async function loadCatalogFile(path: string): Promise<SearchDocument[]> {
  const raw: unknown = JSON.parse(await readFile(path, "utf8"));
  return documentsFromCatalog(catalogSchema.parse(raw));
}
