/**
 * Stock changes made by a group. The change and its audit record are written
 * together, and the product is looked up within the acting group, so one
 * group can never change another's stock even with a forged product id.
 */
import { db } from "~/db/client.server";
import { enqueueSearchSync } from "~/modules/outbox/outbox.server";

export class ProductNotInGroupError extends Error {
  readonly name = "ProductNotInGroupError";
}

export async function setStock(input: { groupId: string; productId: string; stock: number; actorId: string }) {
  return db().$transaction(async (tx) => {
    const product = await tx.product.findFirst({
      where: { id: input.productId, groupId: input.groupId },
      select: { id: true, slug: true, stock: true },
    });
    if (!product) throw new ProductNotInGroupError();
    await tx.product.update({ where: { id: product.id }, data: { stock: input.stock } });
    await tx.auditLog.create({
      data: {
        actorId: input.actorId,
        groupId: input.groupId,
        action: "product.stock.set",
        subjectType: "Product",
        subjectId: product.id,
        details: { from: product.stock, to: input.stock },
      },
    });
    await enqueueSearchSync(tx, [product.slug]);
    return { slug: product.slug, stock: input.stock };
  });
}

export function groupProductsForWorkspace(groupId: string) {
  return db().product.findMany({
    where: { groupId, status: { not: "ARCHIVED" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, slug: true, titleTh: true, titleEn: true, stock: true, madeToOrder: true },
  });
}
