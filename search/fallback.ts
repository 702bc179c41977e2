/**
 * Degraded search: when the engine is down or not yet filled, the store still answers from
 * PostgreSQL. Every query word must appear (ILIKE) in a title, the group, category or province
 * name, in either language; filters, sorts, paging and facet counts behave like the engines'
 * (without typo tolerance, synonyms or relevance ranking, so "relevance" means newest first).
 */
import type { Prisma } from "~/generated/prisma/client";
import type { ShippingKind } from "~/generated/prisma/enums";
import { availabilityWhere } from "~/modules/catalog/availability";
import { visibleProducts } from "~/modules/catalog/visibility";
import { PICKUP_KINDS } from "./document.ts";
import { type SearchDb, documentOf, documentSelect } from "./from-database.ts";
import { type SearchQuery, type SearchResults, type Suggestion, emptyFacets } from "./port.ts";

/** LIKE treats % and _ as wildcards and \ as the escape; a shopper's "50%" means the characters. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

const MAX_WORDS = 8;

function wordClause(word: string): Prisma.ProductWhereInput {
  const contains = { contains: escapeLike(word), mode: "insensitive" as const };
  return {
    OR: [
      { titleTh: contains },
      { titleEn: contains },
      { group: { nameTh: contains } },
      { group: { nameEn: contains } },
      { group: { province: { nameTh: contains } } },
      { group: { province: { nameEn: contains } } },
      { category: { nameTh: contains } },
      { category: { nameEn: contains } },
    ],
  };
}

const pickups = [...PICKUP_KINDS] as ShippingKind[];
/** The group posts or couriers (an active method that is not a pickup), as deliveryOf decides. */
const shipsWhere: Prisma.ProductWhereInput = { group: { shipping: { some: { active: true, kind: { notIn: pickups } } } } };
const pickupWhere: Prisma.ProductWhereInput = { group: { shipping: { some: { active: true, kind: { in: pickups } } } } };

/** The query and filters as one Prisma condition. */
export function fallbackWhere(query: SearchQuery): Prisma.ProductWhereInput {
  const { filters } = query;
  const and: Prisma.ProductWhereInput[] = [visibleProducts];
  const words = query.q.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
  for (const word of words) and.push(wordClause(word));
  if (filters.category?.length) and.push({ category: { slug: { in: filters.category } } });
  if (filters.province?.length) and.push({ group: { province: { slug: { in: filters.province } } } });
  if (filters.certification?.length) {
    and.push({ certifications: { some: { certification: { slug: { in: filters.certification } } } } });
  }
  if (filters.availability) and.push(availabilityWhere(filters.availability));
  if (filters.priceMinSatang !== undefined) and.push({ priceSatang: { gte: filters.priceMinSatang } });
  if (filters.priceMaxSatang !== undefined) and.push({ priceSatang: { lte: filters.priceMaxSatang } });
  if (filters.ships) and.push(shipsWhere);
  if (filters.pickupIn !== undefined) and.push({ group: { province: { slug: filters.pickupIn } } }, pickupWhere);
  return { AND: and };
}

function orderFor(sort: SearchQuery["sort"]): Prisma.ProductOrderByWithRelationInput[] {
  switch (sort) {
    case "price-asc":
      return [{ priceSatang: "asc" }, { slug: "asc" }];
    case "price-desc":
      return [{ priceSatang: "desc" }, { slug: "asc" }];
    default:
      return [{ createdAt: "desc" }, { slug: "asc" }];
  }
}


export async function fallbackSearch(db: SearchDb, query: SearchQuery): Promise<SearchResults> {
  const where = fallbackWhere(query);
  const [rows, total, byCategory, byGroup, byCertification, ready, madeToOrder, prices, ships, pickup] = await Promise.all([
    db.product.findMany({
      where,
      orderBy: orderFor(query.sort),
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
      select: documentSelect,
    }),
    db.product.count({ where }),
    db.product.groupBy({ by: ["categoryId"], where, _count: { _all: true } }),
    db.product.groupBy({ by: ["groupId"], where, _count: { _all: true } }),
    db.productCertification.groupBy({ by: ["certificationId"], where: { product: where }, _count: { _all: true } }),
    db.product.count({ where: { AND: [where, availabilityWhere("ready")] } }),
    db.product.count({ where: { AND: [where, availabilityWhere("made-to-order")] } }),
    db.product.aggregate({ where, _min: { priceSatang: true }, _max: { priceSatang: true } }),
    db.product.count({ where: { AND: [where, shipsWhere] } }),
    db.product.count({ where: { AND: [where, pickupWhere] } }),
  ]);
  const [categories, groups, certifications] = await Promise.all([
    db.category.findMany({ where: { id: { in: byCategory.map((row) => row.categoryId) } }, select: { id: true, slug: true } }),
    db.occupationGroup.findMany({
      where: { id: { in: byGroup.map((row) => row.groupId) } },
      select: { id: true, province: { select: { slug: true } } },
    }),
    db.certification.findMany({
      where: { id: { in: byCertification.map((row) => row.certificationId) } },
      select: { id: true, slug: true },
    }),
  ]);
  const facets = emptyFacets();
  const categorySlug = new Map(categories.map((row) => [row.id, row.slug]));
  for (const row of byCategory) facets.category[categorySlug.get(row.categoryId) ?? row.categoryId] = row._count._all;
  const groupProvince = new Map(groups.map((row) => [row.id, row.province.slug]));
  for (const row of byGroup) {
    const key = groupProvince.get(row.groupId);
    if (key) facets.province[key] = (facets.province[key] ?? 0) + row._count._all;
  }
  const certificationSlug = new Map(certifications.map((row) => [row.id, row.slug]));
  for (const row of byCertification) {
    facets.certification[certificationSlug.get(row.certificationId) ?? row.certificationId] = row._count._all;
  }
  facets.availability = { ready, "made-to-order": madeToOrder };
  facets.delivery = { ships, pickup };
  const { _min, _max } = prices;
  return {
    hits: rows.map((row) => ({ slug: row.slug, document: documentOf(row) })),
    total,
    page: query.page,
    perPage: query.perPage,
    facets,
    priceRange: total > 0 && _min.priceSatang !== null && _max.priceSatang !== null ? { min: _min.priceSatang, max: _max.priceSatang } : null,
  };
}

/** Titles starting with (or containing) what was typed, for the header box in degraded mode. */
export async function fallbackSuggest(db: SearchDb, prefix: string, lang: "th" | "en", limit: number): Promise<Suggestion[]> {
  const text = prefix.trim();
  if (!text) return [];
  const contains = { contains: escapeLike(text), mode: "insensitive" as const };
  const rows = await db.product.findMany({
    where: { AND: [visibleProducts, { OR: [{ titleTh: contains }, { titleEn: contains }] }] },
    orderBy: [{ createdAt: "desc" }, { slug: "asc" }],
    take: limit,
    select: { slug: true, titleTh: true, titleEn: true },
  });
  return rows.map((row) => ({ slug: row.slug, text: lang === "en" && row.titleEn ? row.titleEn : row.titleTh }));
}
