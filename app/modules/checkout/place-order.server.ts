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
import type { Locale, PaymentProvider } from "~/generated/prisma/enums";
import { config } from "~/config.server";
import { productsChanged } from "~/modules/catalog/changes.server";
import { NotAvailableError, lockProducts, recordBookings, reserve } from "~/modules/catalog/capacity.server";
import { isVisibleProduct } from "~/modules/catalog/visibility";
import { nextOrderNumber } from "~/modules/orders/numbering.server";
import { orderPlacedMessages } from "~/modules/orders/messages.server";
import { priceBreakdown } from "~/modules/payouts/price-breakdown";
import { offeredPayments, paymentPort, startPayment } from "~/modules/payments/payments.server";
import { PaymentNotOfferedError } from "~/modules/payments/port";
import { isPickup } from "~/modules/shipping/kinds";
import { shippingQuote } from "~/modules/shipping/quote";

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
  | { kind: "paymentNotOffered" }
  /** So many buyers at once that no database connection was free: try again in a moment. */
  | { kind: "busy" };

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
  await refuseWhatIsPlainlyGone(input.cartId);
  // Taken before the transaction, in a statement of its own, so no checkout ever waits for the
  // counter's row while holding product locks. A refused checkout leaves a gap in the numbers.
  const number = await nextOrderNumber(db(), input.now);
  try {
    return await db().$transaction((tx) => placeInTransaction(tx, input, number), { timeout: 20_000, maxWait: 10_000 });
  } catch (error) {
    // The same form sent again while the first was placing it: the first emptied the basket (or
    // took the checkout key's unique index); the later ones find its order and answer with it.
    const lostToItsTwin =
      (error instanceof CheckoutError && error.problems.some((problem) => problem.kind === "emptyCart")) ||
      (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002");
    if (lostToItsTwin) {
      const order = await db().order.findUnique({ where: { checkoutKey: input.checkoutKey }, select: { id: true, number: true } });
      if (order) return { ...order, replayed: true };
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError) {
      // Every connection busy for seconds (a rush on one product): ask to try again, change nothing.
      if (error.code === "P2028") throw new CheckoutError([{ kind: "busy" }]);
    }
    throw error;
  }
}

/**
 * Before queuing for the product locks: a ready-stock product that has already sold out cannot
 * become available by waiting, so a buyer of the last jar's 150 competitors is told at once
 * instead of holding a connection in the lock queue. (Only a cheap shortcut: the locked check in
 * the transaction is what guarantees no oversell.)
 */
async function refuseWhatIsPlainlyGone(cartId: string): Promise<void> {
  const items = await db().cartItem.findMany({ where: { cartId }, select: { quantity: true, product: { select: { id: true, stock: true, madeToOrder: true } } } });
  const gone = items.filter((item) => !item.product.madeToOrder && item.product.stock < item.quantity);
  if (gone.length > 0) throw new CheckoutError(gone.map((item) => ({ kind: "notAvailable" as const, productId: item.product.id, available: item.product.stock })));
}

const productSelect = {
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
} as const;

/**
 * The order is written first and the products locked last: a row lock is held until commit, so
 * everything that does not depend on stock happens before it, and a rush on one product queues
 * only for the few statements that take stock, book weeks and write the lines.
 */
async function placeInTransaction(tx: Tx, input: PlaceOrderInput, number: string): Promise<PlacedOrder> {
  const now = input.now ?? new Date();
  const items = await tx.cartItem.findMany({ where: { cartId: input.cartId }, orderBy: { productId: "asc" }, select: { productId: true, quantity: true, seenPriceSatang: true } });
  if (items.length === 0) throw new CheckoutError([{ kind: "emptyCart" }]);
  const products = await tx.product.findMany({ where: { id: { in: items.map((item) => item.productId) } }, select: productSelect });
  const byId = new Map(products.map((product) => [product.id, product]));

  const problems: CheckoutProblem[] = [];
  for (const item of items) {
    const product = byId.get(item.productId);
    if (!product || !isVisibleProduct(product)) problems.push({ kind: "notForSale", productId: item.productId });
    else if (product.priceSatang !== item.seenPriceSatang) problems.push({ kind: "priceChanged", productId: product.id });
  }
  const groupIds = [...new Set(products.map((product) => product.groupId))].sort();
  const groups = [...new Map(products.map((product) => [product.group.id, product.group])).values()];
  const methods = await loadMethods(tx, groupIds);
  const shippingByGroup = new Map<string, (typeof methods)[number]>();
  for (const groupId of groupIds) {
    const method = methods.find((candidate) => candidate.id === input.shipping[groupId] && candidate.groupId === groupId && candidate.active);
    if (!method) problems.push({ kind: "shippingMissing", groupId });
    else shippingByGroup.set(groupId, method);
  }
  if (!input.address && [...shippingByGroup.values()].some((method) => !isPickup(method.kind))) problems.push({ kind: "addressRequired" });
  if (!offeredPayments(groups).includes(input.payment)) problems.push({ kind: "paymentNotOffered" });
  if (problems.length > 0) throw new CheckoutError(problems);

  const port = paymentPort(input.payment);
  const expiresAt = port.paysUpFront ? new Date(now.getTime() + config().UNPAID_ORDER_MINUTES * 60_000) : null;
  const feePercent = config().PLATFORM_FEE_PERCENT;

  // 1. The order and each group's part, priced from the database (quantities are fixed, so
  //    totals do not depend on how the units are supplied).
  const parts = groupIds.map((groupId) => {
    const lines = items.filter((item) => byId.get(item.productId)!.groupId === groupId);
    const itemsSatang = lines.reduce((sum, item) => sum + byId.get(item.productId)!.priceSatang * item.quantity, 0);
    const weightGrams = lines.reduce((sum, item) => sum + byId.get(item.productId)!.weightGrams * item.quantity, 0);
    const method = shippingByGroup.get(groupId)!;
    return { groupId, lines, itemsSatang, method, shippingSatang: shippingQuote(method, { itemsSatang, weightGrams }).feeSatang };
  });
  const total = parts.reduce((sum, part) => sum + part.itemsSatang + part.shippingSatang, 0);
  const order = await tx.order.create({
    data: {
      number,
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
      totalSatang: total,
      groupOrders: {
        create: parts.map((part) => ({
          groupId: part.groupId,
          itemsSatang: part.itemsSatang,
          shippingMethodId: part.method.id,
          shippingKind: part.method.kind,
          shippingNameTh: part.method.nameTh,
          shippingNameEn: part.method.nameEn,
          shippingSatang: part.shippingSatang,
          platformFeeSatang: priceBreakdown({ priceSatang: part.itemsSatang, platformFeePercent: feePercent }).platformFeeSatang,
          events: { create: { from: null, to: "NEW" as const, actorId: input.buyerId } },
        })),
      },
    },
    select: { id: true, groupOrders: { select: { id: true, groupId: true } } },
  });
  const groupOrderOf = new Map(order.groupOrders.map((groupOrder) => [groupOrder.groupId, groupOrder.id]));
  await startPayment(
    tx,
    input.payment,
    {
      id: order.id,
      number,
      totalSatang: total,
      locale: input.locale,
      email: input.contact.email,
      groupOrders: parts.map((part) => ({ id: groupOrderOf.get(part.groupId)!, groupId: part.groupId, totalSatang: part.itemsSatang + part.shippingSatang })),
    },
    groups,
    { expiresAt },
  ).catch((error: unknown) => {
    if (error instanceof PaymentNotOfferedError) throw new CheckoutError([{ kind: "paymentNotOffered" }]);
    throw error;
  });
  await tx.cartItem.deleteMany({ where: { cartId: input.cartId } });
  await tx.cartShipping.deleteMany({ where: { cartId: input.cartId } });
  // Stock and promised dates change: search's "ready to ship" and cached pages must follow.
  await productsChanged(
    tx,
    products.map((product) => product.slug),
  );

  // 2. Last: lock the products (in id order), re-read what may have changed meanwhile, take stock
  //    and book weeks. A shortage anywhere refuses the whole basket with every shortage named.
  await lockProducts(
    tx,
    items.map((item) => item.productId),
  );
  const locked = new Map((await tx.product.findMany({ where: { id: { in: items.map((item) => item.productId) } }, select: productSelect })).map((product) => [product.id, product]));
  const reservations = new Map<string, Awaited<ReturnType<typeof reserve>>>();
  for (const item of items) {
    const product = locked.get(item.productId)!;
    if (!isVisibleProduct(product) || product.priceSatang !== byId.get(item.productId)!.priceSatang) {
      problems.push(isVisibleProduct(product) ? { kind: "priceChanged", productId: product.id } : { kind: "notForSale", productId: product.id });
      continue;
    }
    try {
      reservations.set(item.productId, await reserve(tx, product, item.quantity, now));
    } catch (error) {
      if (error instanceof NotAvailableError) problems.push({ kind: "notAvailable", productId: error.productId, available: error.available });
      else throw error;
    }
  }
  if (problems.length > 0) throw new CheckoutError(problems);

  const lines = await tx.orderLine.createManyAndReturn({
    data: items.map((item) => {
      const product = byId.get(item.productId)!;
      const reservation = reservations.get(item.productId)!;
      return {
        groupOrderId: groupOrderOf.get(product.groupId)!,
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
      };
    }),
    select: { id: true, productId: true },
  });
  await recordBookings(
    tx,
    lines.map((line) => ({ orderLineId: line.id, productId: line.productId!, bookings: reservations.get(line.productId!)!.bookings })),
  );
  for (const part of parts) {
    const promises = part.lines.map((item) => reservations.get(item.productId)!.promisedBy).filter((date): date is Date => date !== null);
    if (promises.length > 0) await tx.groupOrder.update({ where: { id: groupOrderOf.get(part.groupId)! }, data: { promisedBy: new Date(Math.max(...promises.map((date) => date.getTime()))) } });
  }
  await orderPlacedMessages(tx, order.id);
  return { id: order.id, number, replayed: false };
}

function loadMethods(tx: Tx, groupIds: string[]) {
  return tx.shippingMethod.findMany({ where: { groupId: { in: groupIds } } });
}
