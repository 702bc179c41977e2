/**
 * The catalog as buyers see it: active products with their group, category
 * and certifications. Owns Product, Category, Certification and ProductImage.
 */
import { db } from "~/db/client.server";
import { productGallerySelect, productImageSelect } from "~/modules/media/selects";
import { availabilityStatement } from "./availability";
import { orderableQuantity, promiseFor } from "./capacity.server";
import { visibleProducts } from "./visibility";

export const cardSelect = {
  id: true,
  slug: true,
  titleTh: true,
  titleEn: true,
  priceSatang: true,
  unitTh: true,
  unitEn: true,
  stock: true,
  madeToOrder: true,
  leadTimeDays: true,
  category: { select: { slug: true } },
  group: {
    select: { slug: true, nameTh: true, nameEn: true, province: { select: { nameTh: true, nameEn: true } } },
  },
  images: productImageSelect,
} as const;

export type ProductCard = Awaited<ReturnType<typeof newProducts>>[number];

/** Active products of verified groups, newest first. */
export function newProducts({ limit }: { limit: number }) {
  return db().product.findMany({
    where: visibleProducts,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: cardSelect,
  });
}

/** An active product by its slug, with all a product page shows; null when there is none to show. */
export async function productPage(slug: string) {
  const product = await db().product.findFirst({
    where: { slug, ...visibleProducts },
    select: {
      ...cardSelect,
      images: productGallerySelect,
      storyTh: true,
      storyEn: true,
      weightGrams: true,
      capacityPerWeek: true,
      category: { select: { slug: true, nameTh: true, nameEn: true } },
      certifications: {
        select: { certification: { select: { slug: true, nameTh: true, nameEn: true, meaningTh: true, meaningEn: true } } },
      },
      group: {
        select: {
          id: true,
          slug: true,
          nameTh: true,
          nameEn: true,
          villageTh: true,
          villageEn: true,
          memberCount: true,
          phone: true,
          lineId: true,
          facebookPage: true,
          province: { select: { slug: true, nameTh: true, nameEn: true } },
        },
      },
    },
  });
  if (!product) return null;
  const moreFromGroup = await db().product.findMany({
    where: { ...visibleProducts, groupId: product.group.id, id: { not: product.id } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 4,
    select: cardSelect,
  });
  // How many can be ordered now, and when made-to-order work would be ready: from the group's
  // stock and weekly capacity, so the page promises only what the group can make.
  const [orderable, promisedBy] = await Promise.all([orderableQuantity(db(), product), promiseFor(db(), product, 1)]);
  return { product, moreFromGroup, orderable, availability: availabilityStatement(product, promisedBy) };
}

/** A product's title in both languages, if buyers may see it (for a basket's confirmation). */
export async function productTitle(productId: string): Promise<{ th: string; en: string } | null> {
  const product = await db().product.findFirst({ where: { id: productId, ...visibleProducts }, select: { titleTh: true, titleEn: true } });
  return product ? { th: product.titleTh, en: product.titleEn } : null;
}
