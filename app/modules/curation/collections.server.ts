/**
 * Staff-curated collections for the home page, in the order staff set
 * (Collection.position, then CollectionItem.position). Owns Collection and
 * CollectionItem; staff edit them through collections-admin.server.ts. Only
 * collections live now (published, inside their schedule: schedule.ts) and only
 * products a buyer can open are shown.
 */
import { db } from "~/db/client.server";
import { cardSelect } from "~/modules/catalog/catalog.server";
import { visibleProducts } from "~/modules/catalog/visibility";
import { liveCollections } from "./schedule";

export async function homeCollections({ itemsEach, now = new Date() }: { itemsEach: number; now?: Date }) {
  const collections = await db().collection.findMany({
    where: liveCollections(now),
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    select: {
      slug: true,
      titleTh: true,
      titleEn: true,
      descriptionTh: true,
      descriptionEn: true,
      items: {
        where: { product: visibleProducts },
        orderBy: { position: "asc" },
        take: itemsEach,
        select: { product: { select: cardSelect } },
      },
    },
  });
  return collections
    .map(({ items, ...collection }) => ({ ...collection, products: items.map((item) => item.product) }))
    .filter((collection) => collection.products.length > 0);
}
