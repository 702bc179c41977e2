/**
 * How a product can be had: the one home of that rule. "ready" means units on hand that ship now;
 * "made-to-order" means the group makes more on request within its lead time. A product may be
 * both (a weaver with two scarves on the shelf who weaves more to order). Listings filter by it,
 * search indexes it, product pages state it.
 */
import type { Prisma } from "~/generated/prisma/client";

export const AVAILABILITY = ["ready", "made-to-order"] as const;
export type Availability = (typeof AVAILABILITY)[number];

export function availabilityOf(product: { stock: number; madeToOrder: boolean }): Availability[] {
  const ways: Availability[] = [];
  if (product.stock > 0) ways.push("ready");
  if (product.madeToOrder) ways.push("made-to-order");
  return ways;
}

/** Products that can be had the given way, as a database condition matching `availabilityOf`. */
export function availabilityWhere(availability: Availability): Prisma.ProductWhereInput {
  return availability === "ready" ? { stock: { gt: 0 } } : { madeToOrder: true };
}
