/**
 * Buying against a real PostgreSQL: a basket from two groups becomes one order with a group
 * order each, stock is taken and made-to-order units booked into weeks without ever overselling
 * under simultaneous checkouts, a checkout key places one order however often it is sent, bad
 * baskets change nothing, group orders follow the state machine, and unpaid orders expire.
 */
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { CartLimitError, cartView, ensureCart, putInCart } from "~/modules/cart/cart.server";
import { orderOutlook, orderableQuantity, promiseFor } from "~/modules/catalog/capacity.server";
import { CheckoutError, placeOrder, type PlaceOrderInput } from "~/modules/checkout/place-order.server";
import { NotInGroupError } from "~/modules/groups/errors";
import { OrderNotCancellableError, cancelOrderByBuyer, confirmPaymentReceived, expireUnpaidOrders, moveGroupOrder } from "~/modules/orders/lifecycle.server";
import { orderForBuyer } from "~/modules/orders/queries.server";
import { IllegalTransitionError } from "~/modules/orders/status";
import { demoAccounts } from "../prisma/seed/demo";
import { userByEmail } from "./helpers";

const mat = "tha-phra-women-chili-paste-hot"; // ready stock only (not made to order), Tha Phra women
const silk = "chonnabot-mudmee-mudmee-silk-mak-chap-pattern"; // made to order, Chonnabot mudmee

async function product(slug: string) {
  return db().product.findUniqueOrThrow({ where: { slug } });
}

/** A pickup and a courier method for every demo group, as the groups' shipping pages would set. */
async function shippingFor(groupId: string) {
  const existing = await db().shippingMethod.findMany({ where: { groupId }, orderBy: { position: "asc" } });
  if (existing.length >= 2) return { pickup: existing.find((m) => m.kind === "PICKUP_CENTRE")!, courier: existing.find((m) => m.kind !== "PICKUP_CENTRE")! };
  const pickup = await db().shippingMethod.create({ data: { groupId, kind: "PICKUP_CENTRE", nameTh: "รับที่ศูนย์กลุ่ม", nameEn: "Pick up at the centre", feeSatang: 0, position: 0 } });
  const courier = await db().shippingMethod.create({ data: { groupId, kind: "COURIER_KERRY", nameTh: "Kerry", nameEn: "Kerry", feeSatang: 4000, perExtraKgSatang: 1500, position: 1 } });
  return { pickup, courier };
}

const address = { line: "99/1 หมู่ 3", subdistrict: "ชนบท", district: "ชนบท", province: "ขอนแก่น", postcode: "40180" };

async function basket(lines: { slug: string; quantity: number }[]) {
  const cart = await ensureCart({ cartId: null });
  const shipping: Record<string, string> = {};
  for (const line of lines) {
    const p = await product(line.slug);
    await putInCart(cart.id, { productId: p.id, quantity: line.quantity });
    shipping[p.groupId] = (await shippingFor(p.groupId)).courier.id;
  }
  return { cartId: cart.id, shipping };
}

function checkout(cart: { cartId: string; shipping: Record<string, string> }, over: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    cartId: cart.cartId,
    checkoutKey: crypto.randomUUID(),
    buyerId: null,
    locale: "th",
    contact: { recipientName: "สมศรี ใจงาม", email: "somsri@example.com", phone: "0812345678" },
    address,
    shipping: cart.shipping,
    payment: "CASH_ON_PICKUP",
    ...over,
  };
}

async function problemsOf(promise: Promise<unknown>) {
  const error = await promise.catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(CheckoutError);
  return (error as CheckoutError).problems.map((problem) => problem.kind);
}

let owner: { id: string };
beforeAll(async () => {
  owner = await userByEmail(demoAccounts.ownerOf("tha-phra-women").email);
  await db().product.update({ where: { slug: mat }, data: { stock: 20 } });
  await db().product.update({ where: { slug: silk }, data: { stock: 1, capacityPerWeek: 3, leadTimeDays: 21 } });
});

describe("placing an order", () => {
  it("splits a two-group basket into one order with a group order each, taking stock and booking weeks", async () => {
    const before = { mat: await product(mat), silk: await product(silk) };
    const cart = await basket([{ slug: mat, quantity: 2 }, { slug: silk, quantity: 3 }]);
    const placed = await placeOrder(checkout(cart));
    expect(placed.number).toMatch(/^SM-25\d\d-\d{6}$/);
    const order = await db().order.findUniqueOrThrow({ where: { id: placed.id }, include: { groupOrders: { include: { lines: { include: { bookings: true } } } }, payments: true } });
    expect(order.groupOrders).toHaveLength(2);
    const silkLine = order.groupOrders.flatMap((g) => g.lines).find((l) => l.productSlug === silk)!;
    expect(silkLine).toMatchObject({ quantity: 3, quantityFromStock: 1, quantityToMake: 2, unitPriceSatang: before.silk.priceSatang, titleTh: before.silk.titleTh });
    expect(silkLine.bookings.reduce((sum, b) => sum + b.quantity, 0)).toBe(2);
    expect(silkLine.promisedBy).not.toBeNull();
    expect((await product(mat)).stock).toBe(before.mat.stock - 2);
    expect((await product(silk)).stock).toBe(0);
    // Total = items + shipping of each group, to the satang.
    expect(order.totalSatang).toBe(order.groupOrders.reduce((sum, g) => sum + g.itemsSatang + g.shippingSatang, 0));
    expect(order.payments.map((p) => [p.provider, p.amountSatang]).sort()).toEqual(order.groupOrders.map((g) => ["CASH_ON_PICKUP", g.itemsSatang + g.shippingSatang]).sort());
    expect((await cartView(cart.cartId)).count).toBe(0);
    const emails = await db().outboxMessage.findMany({ where: { topic: "EMAIL", dedupeKey: { startsWith: `order:${order.id}` } } });
    expect(emails.map((e) => (e.payload as { to: string }).to)).toEqual(["somsri@example.com"]);
    expect(await db().outboxMessage.count({ where: { topic: "EMAIL", dedupeKey: { startsWith: `group-order:` }, payload: { path: ["subject"], string_contains: placed.number } } })).toBeGreaterThanOrEqual(2);
  });

  it("places one order however often the same checkout is sent, even at the same moment", async () => {
    const cart = await basket([{ slug: mat, quantity: 1 }]);
    const input = checkout(cart);
    // Eight at once: the later ones meet the first either at the checkout key's unique index or
    // at a basket it already emptied; all of them answer with its order.
    const results = await Promise.all(Array.from({ length: 8 }, () => placeOrder(input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await db().order.count({ where: { checkoutKey: input.checkoutKey } })).toBe(1);
    expect((await placeOrder(input)).replayed).toBe(true);
  });

  it("never oversells: 12 simultaneous buyers of the last 4 jars get exactly 4 orders", async () => {
    await db().product.update({ where: { slug: mat }, data: { stock: 4 } });
    const carts = await Promise.all(Array.from({ length: 12 }, () => basket([{ slug: mat, quantity: 1 }]).catch(() => null)));
    const ready = carts.filter((cart): cart is NonNullable<typeof cart> => cart !== null);
    const outcomes = await Promise.allSettled(ready.map((cart) => placeOrder(checkout(cart))));
    const placed = outcomes.filter((o) => o.status === "fulfilled");
    expect(placed).toHaveLength(4);
    for (const refused of outcomes.filter((o) => o.status === "rejected")) {
      expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(CheckoutError);
      expect(((refused as PromiseRejectedResult).reason as CheckoutError).problems[0]).toMatchObject({ kind: "notAvailable", available: 0 });
    }
    expect((await product(mat)).stock).toBe(0);
    await db().product.update({ where: { slug: mat }, data: { stock: 20 } });
  });

  it("books made-to-order units into the next free week when a week is full", async () => {
    const silkRow = await product(silk);
    const first = await placeOrder(checkout(await basket([{ slug: silk, quantity: 3 }])));
    const second = await placeOrder(checkout(await basket([{ slug: silk, quantity: 1 }])));
    const [a, b] = await Promise.all(
      [first, second].map((p) => db().orderLine.findFirstOrThrow({ where: { groupOrder: { orderId: p.id }, productId: silkRow.id }, include: { bookings: true } })),
    );
    expect(b.promisedBy!.getTime()).toBeGreaterThanOrEqual(a.promisedBy!.getTime());
    const perWeek = await db().capacityBooking.groupBy({ by: ["weekStart"], where: { productId: silkRow.id }, _sum: { quantity: true } });
    for (const week of perWeek) expect(week._sum.quantity).toBeLessThanOrEqual(3);
    // The product page reads both from one look at the booked weeks; they must agree with the checkout's rules.
    const now = await product(silk);
    expect(await orderOutlook(db(), now)).toEqual({ orderable: await orderableQuantity(db(), now), promisedBy: await promiseFor(db(), now, 1) });
    expect((await orderOutlook(db(), now)).promisedBy).not.toBeNull();
  });
});

describe("capacity under simultaneous checkouts", () => {
  it("never books a week beyond the group's weekly capacity", async () => {
    const silkRow = await product(silk);
    await db().product.update({ where: { id: silkRow.id }, data: { stock: 0, capacityPerWeek: 2 } });
    // Start from an empty calendar: earlier tests booked weeks at the old capacity.
    await db().capacityBooking.deleteMany({ where: { productId: silkRow.id } });
    const carts = await Promise.all(Array.from({ length: 8 }, () => basket([{ slug: silk, quantity: 1 }])));
    const outcomes = await Promise.allSettled(carts.map((cart) => placeOrder(checkout(cart))));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(8);
    const perWeek = await db().capacityBooking.groupBy({ by: ["weekStart"], where: { productId: silkRow.id }, _sum: { quantity: true } });
    for (const week of perWeek) expect(week._sum.quantity, week.weekStart.toISOString()).toBeLessThanOrEqual(2);
    await db().product.update({ where: { id: silkRow.id }, data: { capacityPerWeek: 3 } });
  });
});

describe("bad baskets change nothing", () => {
  async function snapshot() {
    return { orders: await db().order.count(), stock: (await product(mat)).stock, bookings: await db().capacityBooking.count(), outbox: await db().outboxMessage.count() };
  }

  it("refuses a price the buyer did not see (the price changed since)", async () => {
    const cart = await basket([{ slug: mat, quantity: 1 }]);
    const before = await snapshot();
    const matRow = await product(mat);
    await db().product.update({ where: { id: matRow.id }, data: { priceSatang: matRow.priceSatang + 1000 } });
    expect(await problemsOf(placeOrder(checkout(cart)))).toEqual(["priceChanged"]);
    expect(await snapshot()).toEqual(before);
    const view = await cartView(cart.cartId);
    expect(view.groups[0].lines[0].notice).toEqual({ kind: "priceChanged", fromSatang: matRow.priceSatang, toSatang: matRow.priceSatang + 1000 });
    await db().product.update({ where: { id: matRow.id }, data: { priceSatang: matRow.priceSatang } });
  });

  it("refuses quantities below one or beyond what can be had, in the basket and at checkout", async () => {
    const cart = await ensureCart({ cartId: null });
    const matRow = await product(mat);
    await expect(putInCart(cart.id, { productId: matRow.id, quantity: matRow.stock + 1 })).rejects.toMatchObject({ reason: "notAvailable", available: matRow.stock });
    await putInCart(cart.id, { productId: matRow.id, quantity: 2 });
    await db().product.update({ where: { id: matRow.id }, data: { stock: 1 } });
    const before = await snapshot();
    const { courier } = await shippingFor(matRow.groupId);
    expect(await problemsOf(placeOrder(checkout({ cartId: cart.id, shipping: { [matRow.groupId]: courier.id } })))).toEqual(["notAvailable"]);
    expect(await snapshot()).toEqual(before);
    await db().product.update({ where: { id: matRow.id }, data: { stock: 20 } });
  });

  it("refuses draft and archived products and products of unverified groups", async () => {
    const matRow = await product(mat);
    for (const change of [{ product: { status: "DRAFT" as const } }, { product: { status: "ARCHIVED" as const } }, { group: { verificationStatus: "PENDING" as const } }]) {
      const cart = await basket([{ slug: mat, quantity: 1 }]);
      if (change.product) await db().product.update({ where: { id: matRow.id }, data: change.product });
      if (change.group) await db().occupationGroup.update({ where: { id: matRow.groupId }, data: change.group });
      const before = await snapshot();
      expect(await problemsOf(placeOrder(checkout(cart)))).toEqual(["notForSale"]);
      expect(await snapshot()).toEqual(before);
      await expect(putInCart(cart.cartId, { productId: matRow.id, quantity: 1 })).rejects.toBeInstanceOf(CartLimitError);
      await db().product.update({ where: { id: matRow.id }, data: { status: "ACTIVE" } });
      await db().occupationGroup.update({ where: { id: matRow.groupId }, data: { verificationStatus: "VERIFIED" } });
    }
  });

  it("needs an address for delivery, a shipping method of the group's own, and a way of paying the store offers", async () => {
    const cart = await basket([{ slug: mat, quantity: 1 }]);
    const matRow = await product(mat);
    const other = await shippingFor((await product(silk)).groupId);
    expect(await problemsOf(placeOrder(checkout(cart, { address: null })))).toEqual(["addressRequired"]);
    expect(await problemsOf(placeOrder(checkout(cart, { shipping: { [matRow.groupId]: other.courier.id } })))).toEqual(["shippingMissing"]);
    expect(await problemsOf(placeOrder(checkout(cart, { payment: "STRIPE" })))).toEqual(["paymentNotOffered"]);
    // Pickup needs no address.
    const { pickup } = await shippingFor(matRow.groupId);
    expect((await placeOrder(checkout(cart, { address: null, shipping: { [matRow.groupId]: pickup.id } }))).replayed).toBe(false);
  });
});

describe("a group order's life", () => {
  async function placedMat(kind: "courier" | "pickup" = "courier") {
    const matRow = await product(mat);
    const methods = await shippingFor(matRow.groupId);
    const cart = await basket([{ slug: mat, quantity: 1 }]);
    const placed = await placeOrder(checkout(cart, { shipping: { [matRow.groupId]: methods[kind].id } }));
    const groupOrder = await db().groupOrder.findFirstOrThrow({ where: { orderId: placed.id } });
    return { placed, groupOrder, groupId: matRow.groupId };
  }

  it("goes from new to delivered, each step recorded, and completes the order", async () => {
    const { placed, groupOrder, groupId } = await placedMat();
    const move = (to: Parameters<typeof moveGroupOrder>[0]["to"], details = {}) => moveGroupOrder({ groupId, groupOrderId: groupOrder.id, to, actorId: owner.id, details });
    await move("ACCEPTED");
    await move("PACKED");
    await expect(move("SHIPPED")).rejects.toBeInstanceOf(IllegalTransitionError); // no tracking number
    await move("SHIPPED", { carrier: "KERRY", trackingNumber: "KEX1234567890" });
    await move("DELIVERED");
    const events = await db().groupOrderEvent.findMany({ where: { groupOrderId: groupOrder.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.to)).toEqual(["NEW", "ACCEPTED", "PACKED", "SHIPPED", "DELIVERED"]);
    expect((await db().order.findUniqueOrThrow({ where: { id: placed.id } })).status).toBe("COMPLETED");
    expect(await db().outboxMessage.count({ where: { topic: "EMAIL", dedupeKey: { in: events.slice(1).map((e) => `event:${e.id}`) } } })).toBe(4);
  });

  it("refuses an illegal jump (delivered → new) and another group's member, changing nothing", async () => {
    const { groupOrder, groupId } = await placedMat("pickup");
    for (const to of ["ACCEPTED", "PACKED", "READY_FOR_PICKUP", "DELIVERED"] as const) await moveGroupOrder({ groupId, groupOrderId: groupOrder.id, to, actorId: owner.id });
    await expect(moveGroupOrder({ groupId, groupOrderId: groupOrder.id, to: "NEW", actorId: owner.id })).rejects.toBeInstanceOf(IllegalTransitionError);
    const otherGroup = (await product(silk)).groupId;
    const fresh = await placedMat();
    await expect(moveGroupOrder({ groupId: otherGroup, groupOrderId: fresh.groupOrder.id, to: "ACCEPTED", actorId: owner.id })).rejects.toBeInstanceOf(NotInGroupError);
    expect((await db().groupOrder.findUniqueOrThrow({ where: { id: fresh.groupOrder.id } })).status).toBe("NEW");
  });

  it("gives back stock when a group cancels, with its reason", async () => {
    const { groupOrder, groupId } = await placedMat();
    const stock = (await product(mat)).stock;
    await expect(moveGroupOrder({ groupId, groupOrderId: groupOrder.id, to: "CANCELLED", actorId: owner.id, details: { reason: " " } })).rejects.toBeInstanceOf(IllegalTransitionError);
    await moveGroupOrder({ groupId, groupOrderId: groupOrder.id, to: "CANCELLED", actorId: owner.id, details: { reason: "ผลิตไม่ทัน" } });
    expect((await product(mat)).stock).toBe(stock + 1);
    expect((await db().order.findUniqueOrThrow({ where: { id: groupOrder.orderId } })).status).toBe("CANCELLED");
  });

  it("is paid when the group confirms the cash it received", async () => {
    const { placed, groupOrder, groupId } = await placedMat("pickup");
    await confirmPaymentReceived({ groupId, groupOrderId: groupOrder.id, actorId: owner.id });
    expect((await db().order.findUniqueOrThrow({ where: { id: placed.id } })).status).toBe("PAID");
  });

  it("can be cancelled by the buyer only while no group has accepted", async () => {
    const first = await placedMat();
    const stock = (await product(mat)).stock;
    await cancelOrderByBuyer({ orderId: first.placed.id, actorId: null, reason: "changed my mind" });
    expect((await product(mat)).stock).toBe(stock + 1);
    const second = await placedMat();
    await moveGroupOrder({ groupId: second.groupId, groupOrderId: second.groupOrder.id, to: "ACCEPTED", actorId: owner.id });
    await expect(cancelOrderByBuyer({ orderId: second.placed.id, actorId: null, reason: "late" })).rejects.toBeInstanceOf(OrderNotCancellableError);
  });
});

describe("expiry of unpaid orders", () => {
  it("cancels orders paid up front that were not paid in time, releasing stock and weeks", async () => {
    const silkRow = await product(silk);
    const cart = await basket([{ slug: silk, quantity: 2 }]);
    const placed = await placeOrder(checkout(cart));
    // Make it an up-front order whose time ran out.
    await db().order.update({ where: { id: placed.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const bookings = await db().capacityBooking.count({ where: { productId: silkRow.id } });
    expect(await expireUnpaidOrders()).toBe(1);
    expect((await db().order.findUniqueOrThrow({ where: { id: placed.id } })).status).toBe("EXPIRED");
    expect(await db().capacityBooking.count({ where: { productId: silkRow.id } })).toBeLessThan(bookings);
    expect(await expireUnpaidOrders()).toBe(0);
  });
});

describe("who may read an order", () => {
  it("is its buyer's account, or whoever gives its email or phone; nobody else", async () => {
    const buyer = await userByEmail(demoAccounts.consumer.email);
    const cart = await basket([{ slug: mat, quantity: 1 }]);
    const placed = await placeOrder(checkout(cart, { buyerId: buyer.id }));
    expect(await orderForBuyer(placed.number, { userId: buyer.id })).not.toBeNull();
    expect(await orderForBuyer(placed.number, { contact: "SOMSRI@example.com" })).not.toBeNull();
    expect(await orderForBuyer(placed.number, { contact: "+66 81-234-5678" })).not.toBeNull();
    expect(await orderForBuyer(placed.number, { contact: "someone@example.com" })).toBeNull();
    expect(await orderForBuyer(placed.number, { userId: owner.id })).toBeNull();
    expect(await orderForBuyer("SM-2569-999999", { contact: "somsri@example.com" })).toBeNull();
  });
});
