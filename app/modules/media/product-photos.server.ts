/**
 * A product's photos as its group arranges them: move one up or down, make one the cover
 * (position 0, what cards and the product page show first), remove one. Each change locks the
 * product row (as uploads do), renumbers positions 0…n-1, is audited and tells the storefront
 * and search. A removed photo's image is deleted when nothing else uses it.
 */
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { productsChanged } from "~/modules/catalog/changes.server";
import { productOfGroup } from "~/modules/catalog/group-products.server";
import { NotInGroupError } from "~/modules/groups/errors";
import { deleteReleasedFiles, releaseImageIfUnused, type ReleasedFiles } from "./image-cleanup.server";
import { imageSelect } from "./selects";

export type PhotoChange = { kind: "up" } | { kind: "down" } | { kind: "cover" } | { kind: "remove" };

/** The product's photos in order, for its edit page. */
export function productPhotos(productId: string, client: Client = db()) {
  return client.productImage.findMany({
    where: { productId },
    orderBy: { position: "asc" },
    select: { id: true, position: true, altTh: true, altEn: true, image: imageSelect },
  });
}

/** Writes positions 0…n-1 in the given order (through negatives, so the unique (productId, position) never collides mid-way). */
async function renumber(tx: Client, productId: string, orderedIds: string[]) {
  await tx.$executeRaw`UPDATE "ProductImage" SET "position" = -"position" - 1 WHERE "productId" = ${productId}`;
  for (const [position, id] of orderedIds.entries()) {
    await tx.productImage.update({ where: { id }, data: { position } });
  }
}

export async function changeProductPhoto(
  input: { groupId: string; productId: string; photoId: string; actorId: string; change: PhotoChange },
  client?: Client,
) {
  let released: ReleasedFiles | null = null;
  await inTransaction(client, async (tx) => {
    const product = await productOfGroup(tx, { groupId: input.groupId, productId: input.productId, lock: true }, { id: true, slug: true });
    const photos = await tx.productImage.findMany({ where: { productId: product.id }, orderBy: { position: "asc" }, select: { id: true, imageId: true } });
    const index = photos.findIndex((photo) => photo.id === input.photoId);
    if (index < 0) throw new NotInGroupError("photo");
    const order = photos.map((photo) => photo.id);
    const before = [...order];
    switch (input.change.kind) {
      case "up":
        if (index > 0) [order[index - 1], order[index]] = [order[index], order[index - 1]];
        break;
      case "down":
        if (index < order.length - 1) [order[index + 1], order[index]] = [order[index], order[index + 1]];
        break;
      case "cover":
        order.splice(index, 1);
        order.unshift(input.photoId);
        break;
      case "remove":
        order.splice(index, 1);
        await tx.productImage.delete({ where: { id: input.photoId } });
        break;
    }
    if (order.join() === before.join() && input.change.kind !== "remove") return;
    await renumber(tx, product.id, order);
    if (input.change.kind === "remove") released = await releaseImageIfUnused(tx, photos[index].imageId);
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: input.groupId,
      action: `product.image.${input.change.kind}`,
      subjectType: "Product",
      subjectId: product.id,
      before: { photos: before },
      after: { photos: order },
      details: { photoId: input.photoId, imageId: photos[index].imageId },
    });
    await productsChanged(tx, [product.slug]);
  });
  // Only once the rows are gone for good.
  await deleteReleasedFiles(released);
}
