/**
 * The demo catalog file's format (prisma/seed/catalog.json), versions 1 and 2: the one
 * definition of its fields. The seed reads all of them (prisma/seed/catalog-file.ts); search's
 * tools read the few a search document needs (search/catalog.ts). It lives here, not beside the
 * seed, because search/ is the package that must stand alone (it may import nothing of app/ or
 * prisma/), while prisma/ may import anything: so both can share it without search/ depending
 * on the seed.
 *
 * Version 2 adds per group its English place and person names, its contacts and its shipping
 * methods, and per product its weekly capacity and unit cost. Its slugs are those of version 1:
 * they are promises kept to the outside world (links shared on LINE point at them).
 */
import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lower-case slug");
const text = z.string().min(1);
const satang = z.number().int().nonnegative();

export const namedSchema = z.object({ slug, name_th: text, name_en: text });

export const committeeMemberSchema = z.object({
  role: z.string(),
  role_th: z.string(),
  role_en: z.string(),
  name: z.string(),
  /** Version 2. */
  name_en: text.optional(),
});

/** The shipping kinds a file may name, as the seed maps them to ShippingKind. */
export const catalogShippingKinds = [
  "pickup-centre",
  "pickup-market",
  "thailand-post-ems",
  "thailand-post-registered",
  "courier-kerry",
  "courier-flash",
  "courier-jt",
] as const;

export const catalogShippingSchema = z.object({
  kind: z.enum(catalogShippingKinds),
  name_th: text,
  name_en: text,
  fee_satang: satang,
  per_extra_kg_satang: satang.nullable().optional(),
  free_over_satang: satang.nullable().optional(),
  /** English, e.g. "every Saturday, 16:00-22:00"; pickups at a market only. */
  schedule: text.optional(),
});

export const catalogGroupSchema = namedSchema.extend({
  province_th: text,
  province_en: text,
  amphoe_th: text,
  tambon_th: text,
  village_th: text,
  village_en: text,
  founded_year: z.number().int(),
  member_count: z.number().int().positive(),
  community_sage: text,
  committee: z.array(committeeMemberSchema),
  certifications: z.array(slug),
  otop_stars: z.number().int().min(1).max(5).nullable().optional(),
  promptpay_id: z
    .string()
    .regex(/^\d{10,13}$/)
    .nullable()
    .optional(),
  story_th: text,
  story_en: text,
  // Version 2:
  amphoe_en: text.optional(),
  tambon_en: text.optional(),
  community_sage_en: text.optional(),
  contacts: z.object({ phone: z.string().regex(/^0\d{8,9}$/), line_id: text, facebook: text }).partial().optional(),
  shipping: z.array(catalogShippingSchema).optional(),
});

export const catalogProductSchema = z.object({
  slug,
  group_slug: slug,
  category: slug,
  product_type: text,
  title_th: text,
  title_en: text,
  price_satang: z.number().int().positive(),
  unit_th: text,
  unit_en: text,
  weight_grams: z.number().int().nonnegative(),
  made_to_order: z.boolean(),
  lead_time_days: z.number().int().nonnegative().nullable().optional(),
  stock: z.number().int().nonnegative(),
  certifications: z.array(slug),
  story_th: text,
  story_en: text,
  // Version 2:
  capacity_per_week: z.number().int().positive().nullable().optional(),
  unit_cost_satang: satang.optional(),
});

/** What version 2 promises beyond version 1, checked so a half-upgraded file is refused. */
const version2Fields = {
  group: ["amphoe_en", "tambon_en", "community_sage_en", "contacts", "shipping"],
  product: ["unit_cost_satang"],
} as const;

export const catalogFileSchema = z
  .object({
    version: z.union([z.literal(1), z.literal(2)]),
    currency: z.literal("THB"),
    categories: z.array(namedSchema),
    certifications: z.array(namedSchema),
    groups: z.array(catalogGroupSchema),
    products: z.array(catalogProductSchema),
  })
  .superRefine((file, context) => {
    if (file.version !== 2) return;
    const missing = (where: (string | number)[], fields: readonly string[], row: Record<string, unknown>) => {
      for (const field of fields) {
        if (row[field] === undefined) context.addIssue({ code: "custom", path: [...where, field], message: `version 2 requires ${field}` });
      }
    };
    file.groups.forEach((group, index) => {
      missing(["groups", index], version2Fields.group, group);
      group.committee.forEach((member, position) => missing(["groups", index, "committee", position], ["name_en"], member));
    });
    file.products.forEach((product, index) => missing(["products", index], version2Fields.product, product));
  });

export type CatalogFile = z.infer<typeof catalogFileSchema>;
export type CatalogGroup = CatalogFile["groups"][number];
export type CatalogProduct = CatalogFile["products"][number];
export type CatalogShipping = z.infer<typeof catalogShippingSchema>;
