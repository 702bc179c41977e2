/**
 * SearchDocuments built from the database: what the index holds is exactly what buyers may see,
 * by the catalog's own rule (`visibleProducts`), so search never decides visibility for itself.
 * The full rebuild streams them in id-ordered batches (keyset paging) so 100k products never sit
 * in memory at once; the outbox sync asks by slug. The caller passes its database handle.
 */
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { visibleProducts } from "~/modules/catalog/visibility";
import { type SearchDocument, availabilityOf, deliveryOf, searchDocumentSchema } from "./document.ts";

/** The shared client or a transaction: anything with the Product model. */
export type SearchDb = Pick<
  PrismaClient,
  "product" | "productCertification" | "category" | "certification" | "occupationGroup" | "province" | "outboxMessage"
>;

export const DEFAULT_BATCH_SIZE = 500;

/** What a search document is made of; the database fallback search reads the same. */
export const documentSelect = {
  id: true,
  slug: true,
  titleTh: true,
  titleEn: true,
  storyTh: true,
  storyEn: true,
  productType: true,
  priceSatang: true,
  madeToOrder: true,
  stock: true,
  createdAt: true,
  category: { select: { slug: true, nameTh: true, nameEn: true } },
  group: {
    select: {
      slug: true,
      nameTh: true,
      nameEn: true,
      province: { select: { slug: true, nameTh: true, nameEn: true } },
      shipping: { where: { active: true }, select: { kind: true } },
    },
  },
  certifications: { select: { certification: { select: { slug: true } } } },
} satisfies Prisma.ProductSelect;

type DocumentRow = Prisma.ProductGetPayload<{ select: typeof documentSelect }>;

export function documentOf(row: DocumentRow): SearchDocument {
  return searchDocumentSchema.parse({
    slug: row.slug,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    storyTh: row.storyTh,
    storyEn: row.storyEn,
    productType: row.productType,
    categorySlug: row.category.slug,
    categoryNameTh: row.category.nameTh,
    categoryNameEn: row.category.nameEn,
    groupSlug: row.group.slug,
    groupNameTh: row.group.nameTh,
    groupNameEn: row.group.nameEn,
    provinceSlug: row.group.province.slug,
    provinceTh: row.group.province.nameTh,
    provinceEn: row.group.province.nameEn,
    certifications: row.certifications.map(({ certification }) => certification.slug).sort(),
    priceSatang: row.priceSatang,
    madeToOrder: row.madeToOrder,
    inStock: availabilityOf(row).includes("ready"),
    ...deliveryOf(row.group.shipping.map((method) => method.kind)),
    createdAt: row.createdAt.getTime(),
  });
}

export function countSearchableProducts(db: SearchDb): Promise<number> {
  return db.product.count({ where: visibleProducts });
}

/** Every searchable product as documents, `batchSize` at a time, in id order. */
export async function* searchDocumentBatches(db: SearchDb, batchSize = DEFAULT_BATCH_SIZE): AsyncGenerator<SearchDocument[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await db.product.findMany({
      where: after ? { ...visibleProducts, id: { gt: after } } : visibleProducts,
      orderBy: { id: "asc" },
      take: batchSize,
      select: documentSelect,
    });
    if (rows.length === 0) return;
    yield rows.map(documentOf);
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].id;
  }
}

/**
 * The named products as they should now be in the index: `documents` for those still searchable,
 * `gone` for slugs that were archived, unpublished, deleted or whose group lost verification.
 */
export async function searchDocumentsBySlugs(
  db: SearchDb,
  slugs: readonly string[],
): Promise<{ documents: SearchDocument[]; gone: string[] }> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return { documents: [], gone: [] };
  const rows = await db.product.findMany({
    where: { ...visibleProducts, slug: { in: unique } },
    select: documentSelect,
  });
  const documents = rows.map(documentOf);
  const found = new Set(documents.map((doc) => doc.slug));
  return { documents, gone: unique.filter((slug) => !found.has(slug)) };
}
