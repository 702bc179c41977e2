/**
 * The workspace dashboard's figures over orders written straight into the schema's tables (the
 * checkout that will write them is built elsewhere): weeks that start on Monday in Thai time,
 * cancelled and expired orders left out, best sellers, made-to-order work due this week; and an
 * empty group's dashboard, which says plainly that there are no orders yet.
 */
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import type { GroupOrderStatus, OrderStatus } from "~/generated/prisma/enums";
import { salesByWeek, topProducts, weekStartOf, workDueThisWeek } from "~/modules/groups/dashboard.server";
import * as dashboardRoute from "~/routes/($lang).groups.$slug_.manage._index";
import { load, newGroup, newUser } from "./group-fixtures";

// Wednesday 25 November 2026, 10:00 in Bangkok.
const now = new Date("2026-11-25T03:00:00Z");
let group: { id: string; slug: string };
let owner: { email: string };
let products: { id: string; slug: string; titleTh: string }[];

async function order(at: string, lines: { product: number; quantity: number; price: number; toMake?: number }[], status: { order?: OrderStatus; group?: GroupOrderStatus } = {}) {
  const items = lines.reduce((sum, line) => sum + line.quantity * line.price, 0);
  const created = await db().order.create({
    data: {
      number: `SM-2569-${crypto.randomBytes(4).toString("hex")}`,
      checkoutKey: crypto.randomUUID(),
      phone: "0812345678",
      paymentProvider: "PROMPTPAY_DIRECT",
      recipientName: "ผู้ซื้อ",
      totalSatang: items,
      status: status.order ?? "PAID",
      createdAt: new Date(at),
      groupOrders: {
        create: {
          groupId: group.id,
          status: status.group ?? "ACCEPTED",
          itemsSatang: items,
          shippingKind: "THAILAND_POST_EMS",
          shippingNameTh: "EMS",
          shippingNameEn: "EMS",
          createdAt: new Date(at),
          lines: {
            create: lines.map((line) => ({
              productId: products[line.product].id,
              productSlug: products[line.product].slug,
              titleTh: products[line.product].titleTh,
              titleEn: "",
              unitTh: "ผืน",
              unitEn: "mat",
              unitPriceSatang: line.price,
              weightGrams: 500,
              quantity: line.quantity,
              quantityFromStock: line.quantity - (line.toMake ?? 0),
              quantityToMake: line.toMake ?? 0,
              promisedBy: line.toMake ? new Date("2026-11-28T00:00:00Z") : null,
            })),
          },
        },
      },
    },
    include: { groupOrders: { include: { lines: true } } },
  });
  return created.groupOrders[0];
}

beforeAll(async () => {
  const user = await newUser("เจ้าของ");
  owner = user;
  group = await newGroup(user.id);
  const category = await db().category.findFirstOrThrow();
  products = [];
  for (const [index, title] of ["เสื่อกก", "ผ้าขาวม้า", "ตะกร้า"].entries()) {
    products.push(
      await db().product.create({
        data: { slug: `${group.slug}-p${index}`, groupId: group.id, categoryId: category.id, productType: "x", titleTh: title, titleEn: "", storyTh: "เรื่อง", storyEn: "", priceSatang: 10000, unitTh: "ผืน", unitEn: "mat", weightGrams: 500, status: "ACTIVE", madeToOrder: index === 1, capacityPerWeek: 10, leadTimeDays: 7 },
        select: { id: true, slug: true, titleTh: true },
      }),
    );
  }
});

describe("the dashboard's figures", () => {
  it("say there are no orders yet for a new group", async () => {
    const weeks = await salesByWeek(group.id, { now });
    expect(weeks).toHaveLength(12);
    expect(weeks.every((week) => week.orders === 0 && week.salesSatang === 0)).toBe(true);
    expect(await topProducts(group.id, { now })).toEqual([]);
    expect((await workDueThisWeek(group.id, { now })).items).toEqual([]);
    const page = await load(dashboardRoute.loader, owner.email, `http://t/groups/${group.slug}/manage`, { slug: group.slug });
    expect(page.data).toMatchObject({ dashboard: { top: [], due: { items: [] } } });
  });

  it("count orders per Thai week, leaving out cancelled and expired ones", async () => {
    expect(weekStartOf(now).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    // Monday 00:30 in Bangkok is still Sunday in UTC: it belongs to the week of the 23rd.
    await order("2026-11-22T17:30:00Z", [{ product: 0, quantity: 2, price: 35000 }]);
    // Sunday 23:30 in Bangkok: the week before.
    await order("2026-11-22T16:30:00Z", [{ product: 1, quantity: 1, price: 120000 }, { product: 0, quantity: 1, price: 35000 }]);
    await order("2026-11-24T05:00:00Z", [{ product: 2, quantity: 9, price: 5000 }], { group: "CANCELLED" });
    await order("2026-11-24T06:00:00Z", [{ product: 2, quantity: 9, price: 5000 }], { order: "EXPIRED", group: "NEW" });
    // Thirteen weeks ago: outside the chart, and outside 90 days.
    await order("2026-08-20T05:00:00Z", [{ product: 2, quantity: 50, price: 5000 }]);

    const weeks = await salesByWeek(group.id, { now });
    expect(weeks[0].week).toBe("2026-09-07");
    expect(weeks.at(-1)).toEqual({ week: "2026-11-23", orders: 1, salesSatang: 70000 });
    expect(weeks.at(-2)).toEqual({ week: "2026-11-16", orders: 1, salesSatang: 155000 });
    expect(weeks.reduce((sum, week) => sum + week.orders, 0)).toBe(2);

    expect(await topProducts(group.id, { now })).toEqual([
      { slug: products[1].slug, titleTh: "ผ้าขาวม้า", titleEn: "", quantity: 1, salesSatang: 120000 },
      { slug: products[0].slug, titleTh: "เสื่อกก", titleEn: "", quantity: 3, salesSatang: 105000 },
    ]);
  });

  it("list the made-to-order work booked into this week, not other weeks or finished orders", async () => {
    const open = await order("2026-11-23T03:00:00Z", [{ product: 1, quantity: 4, price: 120000, toMake: 4 }], { group: "IN_PRODUCTION" });
    const shipped = await order("2026-11-23T04:00:00Z", [{ product: 1, quantity: 2, price: 120000, toMake: 2 }], { group: "SHIPPED" });
    await db().capacityBooking.createMany({
      data: [
        { productId: products[1].id, orderLineId: open.lines[0].id, weekStart: new Date("2026-11-23T00:00:00Z"), quantity: 3 },
        { productId: products[1].id, orderLineId: open.lines[0].id, weekStart: new Date("2026-11-30T00:00:00Z"), quantity: 1 },
        { productId: products[1].id, orderLineId: shipped.lines[0].id, weekStart: new Date("2026-11-23T00:00:00Z"), quantity: 2 },
      ],
    });
    const due = await workDueThisWeek(group.id, { now });
    expect(due.week).toBe("2026-11-23");
    expect(due.items).toMatchObject([{ quantity: 3, titleTh: "ผ้าขาวม้า", unitTh: "ผืน" }]);
    // Another group's dashboard sees none of it.
    const other = await newGroup((await newUser("อื่น")).id);
    expect((await workDueThisWeek(other.id, { now })).items).toEqual([]);
    expect((await salesByWeek(other.id, { now })).every((week) => week.orders === 0)).toBe(true);
  });
});
