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
  /** Province.slug ("khon-kaen"): what province filters and facets are keyed by. */
  provinceSlug: slug,
  provinceTh: z.string().max(100),
  provinceEn: z.string().max(100),
  /** Certification slugs, e.g. "otop", "organic-th". */
  certifications: z.array(slug).max(50),
  priceSatang: z.number().int().nonnegative(),
  madeToOrder: z.boolean(),
  inStock: z.boolean(),
  /** The group posts or couriers its goods (Thailand Post and the couriers reach every province). */
  ships: z.boolean(),
  /** The group hands goods over in person (its centre or a market booth), in its own province. */
  pickup: z.boolean(),
  /** Epoch milliseconds; drives the "newest" sort. */
  createdAt: z.number().int().nonnegative(),
});

export type SearchDocument = z.infer<typeof searchDocumentSchema>;

/** How a product can be had ("ready", "made-to-order"): the catalog's rule, re-exported for the search side. */
export { AVAILABILITY, type Availability, availabilityOf } from "~/modules/catalog/availability";

/** The ShippingKinds that are pickups (the shipping module's isPickup, for the search side). */
export const PICKUP_KINDS = ["PICKUP_CENTRE", "PICKUP_MARKET"] as const;
const pickupKinds: ReadonlySet<string> = new Set(PICKUP_KINDS);

/** How a group's active shipping methods (by ShippingKind) let a buyer get its products. */
export function deliveryOf(kinds: readonly string[]): { ships: boolean; pickup: boolean } {
  return { ships: kinds.some((kind) => !pickupKinds.has(kind)), pickup: kinds.some((kind) => pickupKinds.has(kind)) };
}
