/**
 * Placing an order: one database transaction that turns the basket into one Order and one
 * GroupOrder per occupation group (lines with title, unit and price copied), takes units from
 * stock and books made-to-order units into production weeks (rows locked, so simultaneous
 * checkouts never oversell), starts the chosen way of paying, writes the messages to buyer and
 * groups to the outbox, and empties the basket. Either all of it happens or none of it.
 *
 * Nothing the browser sends is trusted: prices, stock, capacity, shipping fees and what may be
 * sold are read here; the buyer's form gives only choices (which shipping method, how to pay) and
 * the checkout key that makes a double-clicked "place order" one order.
 */
import { db, type Tx } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { Locale, PaymentProvider, ShippingKind } from "~/generated/prisma/enums";
import { config } from "~/config.server";
import { productsChanged } from "~/modules/catalog/changes.server";
import { NotAvailableError, lockProducts, recordBookings, reserve } from "~/modules/catalog/capacity.server";
import { isVisibleProduct } from "~/modules/catalog/visibility";
import { nextOrderNumber } from "~/modules/orders/numbering.server";
import { orderPlacedMessages } from "~/modules/orders/messages.server";
import { priceBreakdown } from "~/modules/payouts/price-breakdown";
import { offeredPayments, paymentPort, startPayment } from "~/modules/payments/payments.server";
import { PaymentNotOfferedError } from "~/modules/payments/port";
import { isPickup, quoteShipping } from "./shipping-choice.server";

export interface PlaceOrderInput {
  cartId: string;
  checkoutKey: string;
  buyerId: string | null;
  locale: Locale;
  contact: { recipientName: string; email: string | null; phone: string };
  /** Required when any group's chosen method delivers. */
  address: { line: string; subdistrict: string; district: string; province: string; postcode: string } | null;
  /** The chosen shipping method per group id. */
  shipping: Record<string, string>;
  payment: PaymentProvider;
  now?: Date;
}

export type CheckoutProblem =
  | { kind: "emptyCart" }
  | { kind: "notForSale"; productId: string }
  | { kind: "notAvailable"; productId: string; available: number }
  | { kind: "priceChanged"; productId: string }
  | { kind: "shippingMissing"; groupId: string }
  | { kind: "addressRequired" }
  | { kind: "paymentNotOffered" };

/** The order cannot be placed as it stands; nothing was changed. The page shows the problems. */
export class CheckoutError extends Error {
  readonly name = "CheckoutError";
  constructor(readonly problems: CheckoutProblem[]) {
    super(`Checkout refused: ${problems.map((problem) => problem.kind).join(", ")}`);
  }
}

export interface PlacedOrder {
  id: string;
  number: string;
  /** True when this checkout key had already placed the order (a double click, a replayed form). */
  replayed: boolean;
}

export async function placeOrder(input: PlaceOrderInput): Promise<PlacedOrder> {
  const existing = await db().order.findUnique({ where: { checkoutKey: input.checkoutKey }, select: { id: true, number: true } });
  if (existing) return { ...existing, replayed: true };
  try {
    return await db().$transaction((tx) => placeInTransaction(tx, input), { timeout: 20_000, maxWait: 20_000 });
  } catch (error) {
    // Two submissions of the same form at once: the second finds the first's order.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const order = await db().order.findUnique({ where: { checkoutKey: input.checkoutKey }, select: { id: true, number: true } });
      if (order) return { ...order, replayed: true };
    }
    throw error;
  }
}

async function placeInTransaction(tx: Tx, input: PlaceOrderInput): Promise<PlacedOrder> {
  const now = input.now ?? new Date();
  const items = await tx.cartItem.findMany({ where: { cartId: input.cartId }, orderBy: { productId: "asc" }, select: { productId: true, quantity: true, seenPriceSatang: true } });
  if (items.length === 0) throw new CheckoutError([{ kind: "emptyCart" }]);
  await lockProducts(
    tx,
    items.map((item) => item.productId),
  );
  const products = await tx.product.findMany({
    where: { id: { in: items.map((item) => item.productId) } },
    select: {
      id: true,
      slug: true,
      status: true,
      hiddenAt: true,
      titleTh: true,
      titleEn: true,
      unitTh: true,
      unitEn: true,
      priceSatang: true,
      weightGrams: true,
      stock: true,
      madeToOrder: true,
      leadTimeDays: true,
      capacityPerWeek: true,
      groupId: true,
      group: { select: { id: true, verificationStatus: true, promptPayId: true, payoutVerifiedAt: true } },
    },
  });
  const byId = new Map(products.map((product) => [product.id, product]));

  const problems: CheckoutProblem[] = [];
  for (const item of items) {
    const product = byId.get(item.productId);
    if (!product || !isVisibleProduct(product)) problems.push({ kind: "notForSale", productId: item.productId });
    else if (product.priceSatang !== item.seenPriceSatang) problems.push({ kind: "priceChanged", productId: product.id });
  }
  const groupIds = [...new Set(products.map((product) => product.groupId))].sort();
  const groups = [...new Map(products.map((product) => [product.group.id, product.group])).values()];
  const shippingByGroup = new Map<string, { kind: ShippingKind; id: string; nameTh: string; nameEn: string; method: Awaited<ReturnType<typeof loadMethods>>[number] }>();
  const methods = await loadMethods(tx, groupIds);
  for (const groupId of groupIds) {
    const method = methods.find((candidate) => candidate.id === input.shipping[groupId] && candidate.groupId === groupId && candidate.active);
    if (!method) problems.push({ kind: "shippingMissing", groupId });
    else shippingByGroup.set(groupId, { kind: method.kind, id: method.id, nameTh: method.nameTh, nameEn: method.nameEn, method });
  }
  if (!input.address && [...shippingByGroup.values()].some((choice) => !isPickup(choice.kind))) problems.push({ kind: "addressRequired" });
  if (!offeredPayments(groups).includes(input.payment)) problems.push({ kind: "paymentNotOffered" });
  if (problems.length > 0) throw new CheckoutError(problems);

  const port = paymentPort(input.payment);
  const expiresAt = port.paysUpFront ? new Date(now.getTime() + config().UNPAID_ORDER_MINUTES * 60_000) : null;
  const feePercent = config().PLATFORM_FEE_PERCENT;

  // Reserve every line first: a shortage anywhere refuses the whole basket with every shortage named.
  const reservations = new Map<string, Awaited<ReturnType<typeof reserve>>>();
  for (const item of items) {
    const product = byId.get(item.productId)!;
    try {
      reservations.set(item.productId, await reserve(tx, product, item.quantity, now));
    } catch (error) {
      if (error instanceof NotAvailableError) problems.push({ kind: "notAvailable", productId: error.productId, available: error.available });
      else throw error;
    }
  }
  if (problems.length > 0) throw new CheckoutError(problems);

  const order = await tx.order.create({
    data: {
      number: `pending:${input.checkoutKey}`,
      checkoutKey: input.checkoutKey,
      buyerId: input.buyerId,
      email: input.contact.email,
      phone: input.contact.phone,
      recipientName: input.contact.recipientName,
      locale: input.locale,
      paymentProvider: input.payment,
      addressLine: input.address?.line ?? null,
      subdistrict: input.address?.subdistrict ?? null,
      district: input.address?.district ?? null,
      province: input.address?.province ?? null,
      postcode: input.address?.postcode ?? null,
      expiresAt,
      totalSatang: 0,
    },
    select: { id: true },
  });

  let total = 0;
  const groupOrders: { id: string; groupId: string; totalSatang: number }[] = [];
  for (const groupId of groupIds) {
    const lines = items.filter((item) => byId.get(item.productId)!.groupId === groupId);
    const itemsSatang = lines.reduce((sum, item) => sum + byId.get(item.productId)!.priceSatang * item.quantity, 0);
    const weightGrams = lines.reduce((sum, item) => sum + byId.get(item.productId)!.weightGrams * item.quantity, 0);
    const choice = shippingByGroup.get(groupId)!;
    const shippingSatang = quoteShipping(choice.method, { itemsSatang, weightGrams }).feeSatang;
    const promises = lines.map((item) => reservations.get(item.productId)!.promisedBy).filter((date): date is Date => date !== null);
    const groupOrder = await tx.groupOrder.create({
      data: {
        orderId: order.id,
        groupId,
        itemsSatang,
        shippingMethodId: choice.id,
        shippingKind: choice.kind,
        shippingNameTh: choice.nameTh,
        shippingNameEn: choice.nameEn,
        shippingSatang,
        platformFeeSatang: priceBreakdown({ priceSatang: itemsSatang, platformFeePercent: feePercent }).platformFeeSatang,
        promisedBy: promises.length > 0 ? new Date(Math.max(...promises.map((date) => date.getTime()))) : null,
        events: { create: { from: null, to: "NEW", actorId: input.buyerId } },
      },
      select: { id: true },
    });
    for (const item of lines) {
      const product = byId.get(item.productId)!;
      const reservation = reservations.get(item.productId)!;
      const line = await tx.orderLine.create({
        data: {
          groupOrderId: groupOrder.id,
          productId: product.id,
          productSlug: product.slug,
          titleTh: product.titleTh,
          titleEn: product.titleEn,
          unitTh: product.unitTh,
          unitEn: product.unitEn,
          unitPriceSatang: product.priceSatang,
          weightGrams: product.weightGrams,
          quantity: item.quantity,
          quantityFromStock: reservation.quantityFromStock,
          quantityToMake: reservation.quantityToMake,
          promisedBy: reservation.promisedBy,
        },
        select: { id: true },
      });
      await recordBookings(tx, line.id, product.id, reservation.bookings);
    }
    groupOrders.push({ id: groupOrder.id, groupId, totalSatang: itemsSatang + shippingSatang });
    total += itemsSatang + shippingSatang;
  }

  await startPayment(
    tx,
    input.payment,
    { id: order.id, number: "", totalSatang: total, locale: input.locale, email: input.contact.email, groupOrders },
    groups,
    { expiresAt },
  ).catch((error: unknown) => {
    if (error instanceof PaymentNotOfferedError) throw new CheckoutError([{ kind: "paymentNotOffered" }]);
    throw error;
  });
  await tx.cartItem.deleteMany({ where: { cartId: input.cartId } });
  await tx.cartShipping.deleteMany({ where: { cartId: input.cartId } });
  // Stock changed: search's "ready to ship" and cached pages must follow.
  await productsChanged(
    tx,
    products.filter((product) => (reservations.get(product.id)?.quantityFromStock ?? 0) > 0).map((product) => product.slug),
  );
  // Last, so the counter's row lock is held only for the commit.
  const number = await nextOrderNumber(tx, now);
  await tx.order.update({ where: { id: order.id }, data: { number, totalSatang: total } });
  await orderPlacedMessages(tx, order.id);
  return { id: order.id, number, replayed: false };
}

function loadMethods(tx: Tx, groupIds: string[]) {
  return tx.shippingMethod.findMany({ where: { groupId: { in: groupIds } } });
}
