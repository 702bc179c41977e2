/**
 * Staff-curated collections for the home page, in the order staff set
 * (Collection.position, then CollectionItem.position). Owns Collection and
 * CollectionItem; staff screens that edit them come later. Only published
 * collections and only products a buyer can open are shown.
 */
import { db } from "~/db/client.server";
import { cardSelect } from "~/modules/catalog/catalog.server";
import { visibleProducts } from "~/modules/catalog/visibility";

export async function homeCollections({ itemsEach }: { itemsEach: number }) {
  const collections = await db().collection.findMany({
    where: { published: true },
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
