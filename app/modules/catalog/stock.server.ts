/**
 * Stock changes made by a group. The change, its audit record and what must follow it (search,
 * cached pages) are written together, and the product is looked up within the acting group, so
 * one group can never change another's stock even with a forged product id.
 */
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { productsChanged } from "./changes.server";
import { productOfGroup } from "./group-products.server";
import { STOCK_MAX } from "./limits";

export { STOCK_MAX };

export class InvalidStockError extends Error {
  readonly name = "InvalidStockError";
}

export async function setStock(input: { groupId: string; productId: string; stock: number; actorId: string }, client?: Client) {
  if (!Number.isInteger(input.stock) || input.stock < 0 || input.stock > STOCK_MAX) throw new InvalidStockError(`stock must be 0–${STOCK_MAX}`);
  return inTransaction(client, async (tx) => {
    const product = await productOfGroup(tx, { groupId: input.groupId, productId: input.productId, lock: true }, { id: true, slug: true, stock: true });
    await tx.product.update({ where: { id: product.id }, data: { stock: input.stock } });
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: input.groupId,
      action: "product.stock.set",
      subjectType: "Product",
      subjectId: product.id,
      before: { stock: product.stock },
      after: { stock: input.stock },
    });
    await productsChanged(tx, [product.slug]);
    return { slug: product.slug, stock: input.stock };
  });
}

export function groupProductsForWorkspace(groupId: string, client: Client = db()) {
  return client.product.findMany({
    where: { groupId, status: { not: "ARCHIVED" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, slug: true, titleTh: true, titleEn: true, stock: true, madeToOrder: true },
  });
}
