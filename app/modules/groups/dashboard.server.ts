/**
 * A group's dashboard figures, read from its orders (GroupOrder, OrderLine) and its made-to-order
 * bookings (CapacityBooking): sales and orders per week, its best sellers, and the made-to-order
 * work due this week; plus its products by status and those running low. Weeks start on Monday
 * in Thailand's time. An order counts from when it is placed until it is cancelled or expires.
 */
import { db } from "~/db/client.server";
import type { Client } from "~/db/transaction.server";
import { Prisma } from "~/generated/prisma/client";
import { groupProductSummary } from "~/modules/catalog/group-products.server";

export const DASHBOARD_WEEKS = 12;
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Monday (a UTC midnight standing for a Thai calendar date) of the week `at` falls in, in Thailand. */
export function weekStartOf(at: Date): Date {
  const local = new Date(at.getTime() + BANGKOK_OFFSET_MS);
  const day = (local.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - day));
}

export interface WeekFigures {
  /** The week's Monday, "YYYY-MM-DD". */
  week: string;
  orders: number;
  salesSatang: number;
}

// Group orders that are real business: not cancelled by the group, their order neither cancelled nor expired unpaid.
const counted = Prisma.sql`go.status <> 'CANCELLED' AND o.status NOT IN ('CANCELLED', 'EXPIRED')`;

export async function salesByWeek(groupId: string, options: { now?: Date; weeks?: number } = {}, client: Client = db()): Promise<WeekFigures[]> {
  const weeks = options.weeks ?? DASHBOARD_WEEKS;
  const first = new Date(weekStartOf(options.now ?? new Date()).getTime() - (weeks - 1) * 7 * DAY_MS);
  // From the first Monday's midnight in Thailand.
  const since = new Date(first.getTime() - BANGKOK_OFFSET_MS);
  const rows = await client.$queryRaw<{ week: Date; orders: number; sales: bigint }[]>`
    SELECT date_trunc('week', go."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Bangkok')::date AS week,
           COUNT(*)::int AS orders, COALESCE(SUM(go."itemsSatang"), 0)::bigint AS sales
    FROM "GroupOrder" go JOIN "Order" o ON o.id = go."orderId"
    WHERE go."groupId" = ${groupId} AND go."createdAt" >= ${since} AND ${counted}
    GROUP BY 1 ORDER BY 1`;
  const byWeek = new Map(rows.map((row) => [row.week.toISOString().slice(0, 10), row]));
  return Array.from({ length: weeks }, (_, index) => {
    const week = new Date(first.getTime() + index * 7 * DAY_MS).toISOString().slice(0, 10);
    const row = byWeek.get(week);
    return { week, orders: row?.orders ?? 0, salesSatang: Number(row?.sales ?? 0) };
  });
}

/** The group's best sellers over the last `days` days, by sales. */
export async function topProducts(groupId: string, options: { now?: Date; days?: number; limit?: number } = {}, client: Client = db()) {
  const since = new Date((options.now ?? new Date()).getTime() - (options.days ?? 90) * DAY_MS);
  const rows = await client.$queryRaw<{ productSlug: string; titleTh: string; titleEn: string; quantity: bigint; sales: bigint }[]>`
    SELECT ol."productSlug", MAX(ol."titleTh") AS "titleTh", MAX(ol."titleEn") AS "titleEn",
           SUM(ol.quantity)::bigint AS quantity, SUM(ol.quantity * ol."unitPriceSatang")::bigint AS sales
    FROM "OrderLine" ol JOIN "GroupOrder" go ON go.id = ol."groupOrderId" JOIN "Order" o ON o.id = go."orderId"
    WHERE go."groupId" = ${groupId} AND go."createdAt" >= ${since} AND ${counted}
    GROUP BY ol."productSlug" ORDER BY sales DESC, ol."productSlug" LIMIT ${options.limit ?? 5}`;
  return rows.map((row) => ({ slug: row.productSlug, titleTh: row.titleTh, titleEn: row.titleEn, quantity: Number(row.quantity), salesSatang: Number(row.sales) }));
}

/** Made-to-order units booked into this week (Thai time) for group orders still to be made and sent. */
export async function workDueThisWeek(groupId: string, options: { now?: Date } = {}, client: Client = db()) {
  const week = weekStartOf(options.now ?? new Date());
  const bookings = await client.capacityBooking.findMany({
    where: {
      weekStart: week,
      product: { groupId },
      orderLine: { groupOrder: { status: { in: ["NEW", "ACCEPTED", "IN_PRODUCTION"] } } },
    },
    orderBy: [{ orderLine: { promisedBy: "asc" } }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      quantity: true,
      product: { select: { titleTh: true, titleEn: true } },
      orderLine: { select: { promisedBy: true, unitTh: true, unitEn: true, groupOrder: { select: { order: { select: { number: true } } } } } },
    },
  });
  return {
    week: week.toISOString().slice(0, 10),
    items: bookings.map((booking) => ({
      id: booking.id,
      quantity: booking.quantity,
      titleTh: booking.product.titleTh,
      titleEn: booking.product.titleEn,
      unitTh: booking.orderLine.unitTh,
      unitEn: booking.orderLine.unitEn,
      promisedBy: booking.orderLine.promisedBy,
      orderNumber: booking.orderLine.groupOrder.order.number,
    })),
  };
}

export async function groupDashboard(groupId: string, options: { now?: Date } = {}) {
  const [weeks, top, due, products] = await Promise.all([
    salesByWeek(groupId, options),
    topProducts(groupId, options),
    workDueThisWeek(groupId, options),
    groupProductSummary(groupId),
  ]);
  return { weeks, top, due, products };
}
