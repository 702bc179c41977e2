/**
 * Staff-curated collections for the home page, in the order staff set
 * (Collection.position, then CollectionItem.position), and each one's own page with all its
 * products. Owns Collection and
 * CollectionItem; staff edit them through collections-admin.server.ts. Only
 * collections live now (published, inside their schedule: schedule.ts) and only
 * products a buyer can open are shown.
 */
import { db } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { cardSelect } from "~/modules/catalog/catalog.server";
import { visibleProducts } from "~/modules/catalog/visibility";
import { liveCollections } from "./schedule";

/** Staff keep a collection to a shelf's worth; its page never lists more than this. */
export const COLLECTION_PAGE_ITEMS = 60;

/** A collection as buyers see it: its names and notes, and its first `items` products a buyer can open, in staff's order. */
function collectionSelect(items: number) {
  return {
    slug: true,
    titleTh: true,
    titleEn: true,
    descriptionTh: true,
    descriptionEn: true,
    items: { where: { product: visibleProducts }, orderBy: { position: "asc" }, take: items, select: { product: { select: cardSelect } } },
  } satisfies Prisma.CollectionSelect;
}

export async function homeCollections({ itemsEach, now = new Date() }: { itemsEach: number; now?: Date }) {
  const collections = await db().collection.findMany({
    where: liveCollections(now),
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    select: {
      ...collectionSelect(itemsEach),
      // How many its page lists: the home page shows a few and links to the rest.
      _count: { select: { items: { where: { product: visibleProducts } } } },
    },
  });
  return collections
    .map(({ items, _count, ...collection }) => ({ ...collection, productCount: Math.min(_count.items, COLLECTION_PAGE_ITEMS), products: items.map((item) => item.product) }))
    .filter((collection) => collection.products.length > 0);
}

/** A live collection with the products a buyer can open, for its own page; null when it is not live or has none. */
export async function collectionPage(slug: string, now = new Date()) {
  const collection = await db().collection.findFirst({
    where: { slug, ...liveCollections(now) },
    select: collectionSelect(COLLECTION_PAGE_ITEMS),
  });
  if (!collection || collection.items.length === 0) return null;
  const { items, ...rest } = collection;
  return { ...rest, products: items.map((item) => item.product) };
}

/** The slugs of the collections live now, for the sitemap. */
export async function liveCollectionSlugs(now = new Date()): Promise<string[]> {
  const collections = await db().collection.findMany({
    where: { ...liveCollections(now), items: { some: { product: visibleProducts } } },
    orderBy: { slug: "asc" },
    select: { slug: true },
  });
  return collections.map((collection) => collection.slug);
}
