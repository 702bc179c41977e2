/**
 * What a product can still be ordered in, and taking it: units on hand first, then made-to-order
 * units booked into production weeks within the group's weekly capacity (production-weeks.ts).
 * Owns CapacityBooking. Reserving runs in the caller's transaction with the product rows locked
 * (FOR UPDATE, in id order so two baskets never deadlock), so simultaneous checkouts can never
 * sell the same unit or the same hour of a weaver's week twice.
 */
import type { Client } from "~/db/transaction.server";
import type { Tx } from "~/db/client.server";
import { MAX_LINE_QUANTITY } from "./limits";
import { BOOKING_HORIZON_WEEKS, addDays, bangkokDay, bookWeeks, earliestWeek, freeUnits, weekKey, type WeekBooking } from "./production-weeks";

export { MAX_LINE_QUANTITY };

export interface Makeable {
  id: string;
  stock: number;
  madeToOrder: boolean;
  leadTimeDays: number | null;
  capacityPerWeek: number | null;
}

export class NotAvailableError extends Error {
  readonly name = "NotAvailableError";
  constructor(
    readonly productId: string,
    /** How many could still be ordered. */
    readonly available: number,
  ) {
    super(`Only ${available} of product ${productId} can be ordered`);
  }
}

async function bookedByWeek(client: Client, productId: string, firstWeek: Date): Promise<Map<string, number>> {
  const rows = await client.capacityBooking.groupBy({
    by: ["weekStart"],
    where: { productId, weekStart: { gte: firstWeek, lt: addDays(firstWeek, BOOKING_HORIZON_WEEKS * 7) } },
    _sum: { quantity: true },
  });
  return new Map(rows.map((row) => [weekKey(row.weekStart), row._sum.quantity ?? 0]));
}

/** How many units a buyer can order now: on hand, plus what can still be made within the horizon. */
export async function orderableQuantity(client: Client, product: Makeable, now = new Date()): Promise<number> {
  if (!product.madeToOrder) return Math.min(product.stock, MAX_LINE_QUANTITY);
  if (!product.capacityPerWeek) return MAX_LINE_QUANTITY;
  const firstWeek = earliestWeek(now, product.leadTimeDays ?? 0);
  const free = freeUnits({ capacityPerWeek: product.capacityPerWeek, firstWeek, booked: await bookedByWeek(client, product.id, firstWeek) });
  return Math.min(product.stock + free, MAX_LINE_QUANTITY);
}

/** When `quantity` more made-to-order units would be ready if ordered now; null if they cannot be made in time. */
export async function promiseFor(client: Client, product: Makeable, quantity = 1, now = new Date()): Promise<Date | null> {
  if (!product.madeToOrder) return null;
  const firstWeek = earliestWeek(now, product.leadTimeDays ?? 0);
  if (!product.capacityPerWeek) return addDays(bangkokDay(now), product.leadTimeDays ?? 0);
  return bookWeeks({ quantity, capacityPerWeek: product.capacityPerWeek, firstWeek, booked: await bookedByWeek(client, product.id, firstWeek) })?.promisedBy ?? null;
}

/** Both of the above from one read of the booked weeks: what the product page shows. */
export async function orderOutlook(client: Client, product: Makeable, now = new Date()): Promise<{ orderable: number; promisedBy: Date | null }> {
  if (!product.madeToOrder || !product.capacityPerWeek) return { orderable: await orderableQuantity(client, product, now), promisedBy: await promiseFor(client, product, 1, now) };
  const firstWeek = earliestWeek(now, product.leadTimeDays ?? 0);
  const booked = await bookedByWeek(client, product.id, firstWeek);
  return {
    orderable: Math.min(product.stock + freeUnits({ capacityPerWeek: product.capacityPerWeek, firstWeek, booked }), MAX_LINE_QUANTITY),
    promisedBy: bookWeeks({ quantity: 1, capacityPerWeek: product.capacityPerWeek, firstWeek, booked })?.promisedBy ?? null,
  };
}

/** Locks the products' rows until the transaction ends, in id order. */
export async function lockProducts(tx: Tx, productIds: readonly string[]): Promise<void> {
  const ids = [...new Set(productIds)].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Product" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
}

export interface Reservation {
  quantityFromStock: number;
  quantityToMake: number;
  bookings: WeekBooking[];
  promisedBy: Date | null;
}

/**
 * Takes `quantity` units of a product whose row the caller has locked (lockProducts): from stock
 * first, then booked into production weeks. Throws NotAvailableError, changing nothing, when the
 * product cannot supply that many. Call `recordBookings` once the order lines exist.
 */
export async function reserve(tx: Tx, product: Makeable, quantity: number, now = new Date()): Promise<Reservation> {
  const fromStock = Math.min(product.stock, quantity);
  const toMake = quantity - fromStock;
  if (toMake > 0 && !product.madeToOrder) throw new NotAvailableError(product.id, product.stock);
  let bookings: WeekBooking[] = [];
  let promisedBy: Date | null = null;
  if (toMake > 0) {
    const firstWeek = earliestWeek(now, product.leadTimeDays ?? 0);
    if (product.capacityPerWeek) {
      const booked = await bookedByWeek(tx, product.id, firstWeek);
      const result = bookWeeks({ quantity: toMake, capacityPerWeek: product.capacityPerWeek, firstWeek, booked });
      if (!result) throw new NotAvailableError(product.id, product.stock + freeUnits({ capacityPerWeek: product.capacityPerWeek, firstWeek, booked }));
      ({ bookings, promisedBy } = result);
    } else {
      promisedBy = addDays(bangkokDay(now), product.leadTimeDays ?? 0);
    }
  }
  if (fromStock > 0) {
    // The row is locked, so this cannot race; the condition is a last guard against going below zero.
    const taken = await tx.product.updateMany({ where: { id: product.id, stock: { gte: fromStock } }, data: { stock: { decrement: fromStock } } });
    if (taken.count !== 1) throw new NotAvailableError(product.id, 0);
  }
  return { quantityFromStock: fromStock, quantityToMake: toMake, bookings, promisedBy };
}

export async function recordBookings(tx: Tx, lines: readonly { orderLineId: string; productId: string; bookings: readonly WeekBooking[] }[]): Promise<void> {
  const data = lines.flatMap((line) => line.bookings.map((booking) => ({ orderLineId: line.orderLineId, productId: line.productId, weekStart: booking.weekStart, quantity: booking.quantity })));
  // One statement for the whole order's weeks; nothing to write for an order of ready stock.
  if (data.length > 0) await tx.capacityBooking.createMany({ data });
}

/** Gives back what order lines took: their units on hand return to stock, their booked weeks are freed. */
export async function release(tx: Tx, lines: readonly { orderLineId: string; productId: string | null; quantityFromStock: number }[]): Promise<void> {
  for (const line of lines) {
    if (line.productId && line.quantityFromStock > 0) {
      await tx.product.update({ where: { id: line.productId }, data: { stock: { increment: line.quantityFromStock } } });
    }
  }
  await tx.capacityBooking.deleteMany({ where: { orderLineId: { in: lines.map((line) => line.orderLineId) } } });
}

/** A group's production calendar: units booked per product per week, from this week on. */
export async function productionCalendar(client: Client, groupId: string, now = new Date(), weeks = 12) {
  const from = earliestWeek(now, 0);
  const rows = await client.capacityBooking.groupBy({
    by: ["productId", "weekStart"],
    where: { product: { groupId }, weekStart: { gte: from, lt: addDays(from, weeks * 7) } },
    _sum: { quantity: true },
    orderBy: [{ weekStart: "asc" }],
  });
  const products = await client.product.findMany({
    where: { groupId, madeToOrder: true },
    orderBy: { titleTh: "asc" },
    select: { id: true, titleTh: true, titleEn: true, capacityPerWeek: true },
  });
  const weeksList = Array.from({ length: weeks }, (_, week) => addDays(from, week * 7));
  const booked = new Map(rows.map((row) => [`${row.productId}:${weekKey(row.weekStart)}`, row._sum.quantity ?? 0]));
  return {
    weeks: weeksList,
    products: products.map((product) => ({ ...product, booked: weeksList.map((week) => booked.get(`${product.id}:${weekKey(week)}`) ?? 0) })),
  };
}
