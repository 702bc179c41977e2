/**
 * The catalog as buyers see it: active products with their group, category
 * and certifications. Owns Product, Category, Certification and ProductImage.
 */
import { db } from "~/db/client.server";
import { productGallerySelect, productImageSelect } from "~/modules/media/selects";
import { availabilityStatement } from "./availability";
import { orderOutlook, type Makeable } from "./capacity.server";
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

/** Everything a product page shows. */
const productPageSelect = {
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
} as const;

function moreFromGroup(groupId: string, productId: string) {
  return db().product.findMany({
    where: { ...visibleProducts, groupId, id: { not: productId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 4,
    select: cardSelect,
  });
}

/** An active product by its slug, with all a product page shows; null when there is none to show. */
export async function productPage(slug: string) {
  const product = await db().product.findFirst({ where: { slug, ...visibleProducts }, select: productPageSelect });
  if (!product) return null;
  return withAvailability(product, product.group.id);
}

/**
 * How many can be ordered now, and when made-to-order work would be ready: from the group's
 * stock and weekly capacity, so the page promises only what the group can make. The group's
 * other products are read at the same time (they need only the product's id and group).
 */
async function withAvailability<P extends Makeable>(product: P, groupId: string) {
  const [{ orderable, promisedBy }, more] = await Promise.all([orderOutlook(db(), product), moreFromGroup(groupId, product.id)]);
  return { product, moreFromGroup: more, orderable, availability: availabilityStatement(product, promisedBy) };
}

export type ProductPageData = NonNullable<Awaited<ReturnType<typeof productPage>>>;

/**
 * One of a group's own products as its page would show it, whatever its status: for the
 * workspace's preview, which renders the very page buyers get. Null when it is not the group's.
 */
export async function productPreview(groupId: string, productId: string): Promise<ProductPageData | null> {
  const product = await db().product.findFirst({ where: { id: productId, groupId }, select: productPageSelect });
  if (!product) return null;
  return withAvailability(product, groupId);
}

/** A product's title in both languages, if buyers may see it (for a basket's confirmation). */
export async function productTitle(productId: string): Promise<{ th: string; en: string } | null> {
  const product = await db().product.findFirst({ where: { id: productId, ...visibleProducts }, select: { titleTh: true, titleEn: true } });
  return product ? { th: product.titleTh, en: product.titleEn } : null;
}
