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

/**
 * The one availability statement a product page, card or basket makes, so a page never says both
 * "1 in stock" and "made to order" as if they were separate offers: units on hand ship now; beyond
 * them, a made-to-order product is made and ready around `promisedBy`.
 */
export type AvailabilityStatement =
  | { kind: "ready"; count: number }
  | { kind: "readyThenMade"; count: number; promisedBy: Date | null; leadTimeDays: number | null }
  | { kind: "madeToOrder"; promisedBy: Date | null; leadTimeDays: number | null }
  | { kind: "soldOut" };

export function availabilityStatement(
  product: { stock: number; madeToOrder: boolean; leadTimeDays: number | null },
  promisedBy: Date | null = null,
): AvailabilityStatement {
  const ways = availabilityOf(product);
  if (ways.includes("ready") && ways.includes("made-to-order")) return { kind: "readyThenMade", count: product.stock, promisedBy, leadTimeDays: product.leadTimeDays };
  if (ways.includes("ready")) return { kind: "ready", count: product.stock };
  if (ways.includes("made-to-order")) return { kind: "madeToOrder", promisedBy, leadTimeDays: product.leadTimeDays };
  return { kind: "soldOut" };
}
