/**
 * The demo catalog's file format (prisma/seed/catalog.json), checked by zod
 * because it is read from disk and its slugs are promises kept to the outside
 * world: links shared on LINE point at them.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lower-case slug");

export const catalogFileSchema = z.object({
  version: z.literal(1),
  currency: z.literal("THB"),
  categories: z.array(z.object({ slug, name_th: z.string().min(1), name_en: z.string().min(1) })),
  certifications: z.array(z.object({ slug, name_th: z.string().min(1), name_en: z.string().min(1) })),
  groups: z.array(
    z.object({
      slug,
      name_th: z.string().min(1),
      name_en: z.string().min(1),
      province_th: z.string().min(1),
      province_en: z.string().min(1),
      amphoe_th: z.string().min(1),
      tambon_th: z.string().min(1),
      village_th: z.string().min(1),
      village_en: z.string().min(1),
      founded_year: z.number().int(),
      member_count: z.number().int().positive(),
      community_sage: z.string().min(1),
      committee: z.array(z.object({ role: z.string(), role_th: z.string(), role_en: z.string(), name: z.string() })),
      certifications: z.array(slug),
      otop_stars: z.number().int().min(1).max(5).nullable().optional(),
      promptpay_id: z.string().regex(/^\d{10,13}$/).nullable().optional(),
      story_th: z.string().min(1),
      story_en: z.string().min(1),
    }),
  ),
  products: z.array(
    z.object({
      slug,
      group_slug: slug,
      category: slug,
      product_type: z.string().min(1),
      title_th: z.string().min(1),
      title_en: z.string().min(1),
      price_satang: z.number().int().positive(),
      unit_th: z.string().min(1),
      unit_en: z.string().min(1),
      weight_grams: z.number().int().nonnegative(),
      made_to_order: z.boolean(),
      lead_time_days: z.number().int().nonnegative().nullable().optional(),
      stock: z.number().int().nonnegative(),
      certifications: z.array(slug),
      story_th: z.string().min(1),
      story_en: z.string().min(1),
    }),
  ),
});

export type CatalogFile = z.infer<typeof catalogFileSchema>;

export const demoCatalogPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "catalog.json");

export function readCatalogFile(file = demoCatalogPath): CatalogFile {
  return catalogFileSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}
