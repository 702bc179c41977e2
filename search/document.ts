/**
 * The search document: one per active product, denormalised with everything a shopper may type
 * (group, category and province names in both languages) and everything a filter or sort needs.
 * Engines receive only parsed SearchDocuments; the outbox sync and the catalog loader build them.
 */
import { z } from "zod";

const slug = z.string().min(1).max(200);
const text = z.string().max(20_000);

export const searchDocumentSchema = z.object({
  /** Product slug; also the document id in every engine. */
  slug,
  titleTh: z.string().min(1).max(500),
  titleEn: z.string().max(500),
  storyTh: text,
  storyEn: text,
  productType: z.string().max(200),
  categorySlug: slug,
  categoryNameTh: z.string().max(200),
  categoryNameEn: z.string().max(200),
  groupSlug: slug,
  groupNameTh: z.string().max(300),
  groupNameEn: z.string().max(300),
  provinceTh: z.string().max(100),
  provinceEn: z.string().max(100),
  /** Certification slugs, e.g. "otop", "organic-th". */
  certifications: z.array(slug).max(50),
  priceSatang: z.number().int().nonnegative(),
  madeToOrder: z.boolean(),
  inStock: z.boolean(),
  /** Epoch milliseconds; drives the "newest" sort. */
  createdAt: z.number().int().nonnegative(),
});

export type SearchDocument = z.infer<typeof searchDocumentSchema>;

/**
 * The key provinces are filtered and faceted by: the English name in kebab case
 * ("Chiang Mai" → "chiang-mai", "Si Sa Ket" → "si-sa-ket"). Stable across languages and safe to
 * put in a URL; the page maps it back to a display name from the documents or the database.
 */
export function provinceKey(provinceEn: string): string {
  return provinceEn
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** What "availability" means on a storefront card; a product may be both. */
export const AVAILABILITY = ["ready", "made-to-order"] as const;
export type Availability = (typeof AVAILABILITY)[number];

/** "ready" = in stock and ships now; "made-to-order" = can be ordered to be made. */
export function availabilityOf(doc: Pick<SearchDocument, "inStock" | "madeToOrder">): Availability[] {
  const out: Availability[] = [];
  if (doc.inStock) out.push("ready");
  if (doc.madeToOrder) out.push("made-to-order");
  return out;
}
