/**
 * What buyers may see of the catalog: the one home of that rule. A product is shown, listed,
 * found by search, put in the sitemap and curated collections, and sold only while it is ACTIVE,
 * not hidden by staff moderation, and its group is visible (groups/visibility.ts). Everything that shows products to buyers uses
 * `visibleProducts`; `search/` builds its index from it too.
 */
import type { Prisma } from "~/generated/prisma/client";
import { isVisibleGroup, visibleGroups } from "~/modules/groups/visibility";

export const visibleProducts = { status: "ACTIVE", hiddenAt: null, group: visibleGroups } as const satisfies Prisma.ProductWhereInput;

export function isVisibleProduct(product: { status: string; hiddenAt: Date | null; group: { verificationStatus: string } }): boolean {
  return product.status === visibleProducts.status && product.hiddenAt === null && isVisibleGroup(product.group);
}
