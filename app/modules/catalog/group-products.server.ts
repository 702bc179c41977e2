/**
 * A group's own products, as its workspace reaches them. Every lookup is scoped to the acting
 * group (`where: {id, groupId}`), so a product id forged from another group's page is simply
 * not found: one home for "which group owns this product", and one error for it.
 */
import { db } from "~/db/client.server";
import type { Client } from "~/db/transaction.server";
import type { Prisma } from "~/generated/prisma/client";
import { NotInGroupError } from "~/modules/groups/errors";

/**
 * The product with `productId` if it belongs to `groupId`, else NotInGroupError. With `lock`,
 * the row is locked until the caller's transaction ends (FOR UPDATE), so concurrent changes to
 * the same product (two photo uploads, a stock edit during checkout) happen one after the other.
 */
export async function productOfGroup<S extends Prisma.ProductSelect>(
  client: Client,
  where: { groupId: string; productId: string; lock?: boolean },
  select: S,
): Promise<Prisma.ProductGetPayload<{ select: S }>> {
  if (where.lock) {
    const locked = await client.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Product" WHERE id = ${where.productId} AND "groupId" = ${where.groupId} FOR UPDATE`;
    if (locked.length === 0) throw new NotInGroupError("product");
  }
  const product = await client.product.findFirst({ where: { id: where.productId, groupId: where.groupId }, select });
  if (!product) throw new NotInGroupError("product");
  return product as Prisma.ProductGetPayload<{ select: S }>;
}

/** Low-stock threshold for the workspace overview: at or below this, a ready-stock product needs attention. */
export const LOW_STOCK = 2;

/** What a group's workspace overview shows: products by status, and ready-stock products running low. */
export async function groupProductSummary(groupId: string, client: Client = db()) {
  const [byStatus, low] = await Promise.all([
    client.product.groupBy({ by: ["status"], where: { groupId }, _count: { _all: true } }),
    client.product.findMany({
      where: { groupId, status: "ACTIVE", madeToOrder: false, stock: { lte: LOW_STOCK } },
      orderBy: [{ stock: "asc" }, { id: "asc" }],
      take: 20,
      select: { id: true, slug: true, titleTh: true, titleEn: true, stock: true },
    }),
  ]);
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  return { active: count("ACTIVE"), draft: count("DRAFT"), archived: count("ARCHIVED"), lowStock: low };
}
