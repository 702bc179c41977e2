/**
 * Payments test material: a two-group basket placed through checkout by PromptPay straight to
 * each group (both groups given PromptPay ids staff verified), transfer slip pictures whose
 * mini-QR is made by promptparse's own slip-verify generator, and a reader of a group order's
 * ledger balances.
 */
import crypto from "node:crypto";
import { http, HttpResponse } from "msw";
import type { SetupServer } from "msw/node";
import QRCode from "qrcode";
import sharp from "sharp";
import { slipVerify } from "promptparse/generate";
import { afterAll, beforeAll } from "vitest";
import { db } from "~/db/client.server";
import { ensureCart, putInCart } from "~/modules/cart/cart.server";
import { placeOrder } from "~/modules/checkout/place-order.server";
import type { PaymentProvider } from "~/generated/prisma/enums";
import * as checkoutRoute from "~/routes/($lang).checkout";
import * as orderRoute from "~/routes/($lang).orders.$number";
import { rememberGuestCart } from "~/web/cart-cookie.server";
import { cookiePair, cookiesFor } from "./helpers";
import { outcome } from "./route-calls";

export const groupA = "tha-phra-women";
export const groupB = "ban-thon-krajood";
export const promptPayIds: Record<string, string> = { [groupA]: "0812223333", [groupB]: "1101700230708" };

const prepared: Record<string, string> = {};

/** Both groups take PromptPay, each has a pickup method, and one ready-stock product each with plenty of stock. */
export async function preparePromptPayGroups() {
  const products: Record<string, { id: string; slug: string; priceSatang: number }> = {};
  for (const slug of [groupA, groupB]) {
    const group = await db().occupationGroup.update({ where: { slug }, data: { promptPayId: promptPayIds[slug], payoutVerifiedAt: new Date() }, select: { id: true } });
    const pickup = await db().shippingMethod.findFirst({ where: { groupId: group.id, kind: "PICKUP_CENTRE" } });
    if (!pickup) await db().shippingMethod.create({ data: { groupId: group.id, kind: "PICKUP_CENTRE", nameTh: "รับที่ศูนย์กลุ่ม", nameEn: "Pick up at the centre", feeSatang: 0, position: 0 } });
    const product = await db().product.findFirstOrThrow({ where: { groupId: group.id, status: "ACTIVE", hiddenAt: null }, orderBy: { slug: "asc" } });
    products[slug] = await db().product.update({ where: { id: product.id }, data: { stock: 1000, madeToOrder: false }, select: { id: true, slug: true, priceSatang: true } });
    prepared[slug] = product.id;
  }
  return products;
}

/** Places a basket of one product from each group, paid by PromptPay to each group, for `buyerId`. */
export async function promptPayOrder(buyerId: string | null, options: { locale?: "th" | "en"; now?: Date } = {}) {
  const cart = await ensureCart({ cartId: null });
  const shipping: Record<string, string> = {};
  for (const slug of [groupA, groupB]) {
    const group = await db().occupationGroup.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    await putInCart(cart.id, { productId: prepared[slug], quantity: 1 });
    shipping[group.id] = (await db().shippingMethod.findFirstOrThrow({ where: { groupId: group.id, kind: "PICKUP_CENTRE" } })).id;
  }
  const placed = await placeOrder({
    cartId: cart.id,
    checkoutKey: crypto.randomUUID(),
    buyerId,
    locale: options.locale ?? "th",
    contact: { recipientName: "สมศรี ใจงาม", email: "somsri.pay@example.com", phone: "0812345678" },
    address: null,
    shipping,
    payment: "PROMPTPAY_DIRECT",
    now: options.now,
  });
  return db().order.findUniqueOrThrow({
    where: { id: placed.id },
    include: { groupOrders: { include: { group: { select: { slug: true } } }, orderBy: { createdAt: "asc" } }, payments: true },
  });
}

let references = 0;
/** A fresh bank transaction reference, as a slip's mini-QR carries it. */
export function newReference(): string {
  return `${Date.now().toString().slice(-10)}${String(++references).padStart(4, "0")}${crypto.randomBytes(2).toString("hex").toUpperCase()}`;
}

/** A phone screenshot of a transfer slip: a white page with the slip's mini-QR in a corner. */
export async function slipPicture(transRef: string, sendingBank = "004"): Promise<Buffer> {
  const qr = await QRCode.toBuffer(slipVerify({ sendingBank, transRef }), { type: "png", width: 220, margin: 2 });
  return sharp({ create: { width: 720, height: 1280, channels: 3, background: "#f4f7fb" } })
    .composite([{ input: qr, left: 460, top: 980 }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A picture with no QR code at all. */
export function plainPicture(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 600, channels: 3, background: "#88aa66" } }).png().toBuffer();
}

/** A picture of a PromptPay payment QR (not a slip). */
export async function paymentQrPicture(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: "png", width: 400, margin: 2 });
}

/** A multipart POST carrying a slip, as the order page's form sends it. */
export function slipRequest(url: string, cookie: string, fields: Record<string, string>, file: Buffer | null, fileName = "slip.jpg"): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append("slip", new File([new Uint8Array(file)], fileName, { type: "image/jpeg" }));
  return new Request(url, { method: "POST", headers: { Cookie: cookie }, body: form });
}

/** Each transaction's entries sum to zero, and a group order's balances per account. */
export async function ledgerOf(groupOrderId: string) {
  const entries = await db().ledgerEntry.findMany({ where: { groupOrderId }, select: { account: true, amountSatang: true, transaction: { select: { kind: true } } } });
  const balance: Record<string, number> = {};
  for (const entry of entries) balance[entry.account] = (balance[entry.account] ?? 0) + entry.amountSatang;
  return { entries, balance, kinds: entries.map((entry) => entry.transaction.kind).sort() };
}

/** Walks a pickup group order to delivered, as its group would, at `deliveredAt`. */
export async function deliver(groupOrderId: string, deliveredAt?: Date) {
  const { moveGroupOrder } = await import("~/modules/orders/lifecycle.server");
  const groupOrder = await db().groupOrder.findUniqueOrThrow({ where: { id: groupOrderId }, select: { groupId: true, group: { select: { slug: true } } } });
  const actorId = (await db().user.findFirstOrThrow({ where: { memberships: { some: { groupId: groupOrder.groupId, role: "OWNER" } } } })).id;
  for (const to of ["ACCEPTED", "PACKED", "READY_FOR_PICKUP", "DELIVERED"] as const) await moveGroupOrder({ groupId: groupOrder.groupId, groupOrderId, to, actorId });
  if (deliveredAt) await db().groupOrder.update({ where: { id: groupOrderId }, data: { deliveredAt } });
  return actorId;
}

/**
 * The same two-group basket, but paid to the platform (as Omise or Stripe collect it): the order's
 * own payment, settled as the provider's re-fetched charge says, with the provider's fee.
 */
export async function platformPaidOrder(buyerId: string | null, feeSatang = 365) {
  const { settlePlatformPayment } = await import("~/modules/payments/settlement.server");
  const placed = await promptPayOrder(buyerId);
  await db().payment.deleteMany({ where: { orderId: placed.id } });
  await db().order.update({ where: { id: placed.id }, data: { paymentProvider: "OMISE" } });
  const payment = await db().payment.create({
    data: { orderId: placed.id, provider: "OMISE", method: "CARD", amountSatang: placed.totalSatang, idempotencyKey: `omise:${placed.id}:1`, providerRef: `chrg_test_${placed.id}` },
  });
  const outcome = await settlePlatformPayment({ provider: "OMISE", paymentId: payment.id, state: { status: "succeeded", amountSatang: placed.totalSatang, currency: "THB", feeSatang } });
  return { order: placed, payment, outcome };
}

const routeContext = { clientAddress: "127.0.0.1" };

/**
 * A guest's basket of one product from each group (picked up), placed through the checkout page
 * paying by `payment` (after preparePromptPayGroups): the page's answer, the order, and the
 * browser's cookie (with its grant to the order) and CSRF token.
 */
export async function placeAtCheckout(payment: PaymentProvider, email: string) {
  const cart = await ensureCart({ cartId: null });
  const fields: Record<string, string> = {};
  for (const slug of [groupA, groupB]) {
    const product = await db().product.findUniqueOrThrow({ where: { id: prepared[slug] }, select: { id: true, groupId: true } });
    await putInCart(cart.id, { productId: product.id, quantity: 1 });
    fields[`shipping.${product.groupId}`] = (await db().shippingMethod.findFirstOrThrow({ where: { groupId: product.groupId, kind: "PICKUP_CENTRE" } })).id;
  }
  const { cookie, csrf } = await cookiesFor(null);
  const browser = `${cookie}; ${cookiePair(await rememberGuestCart(new Request("http://test.local/"), cart.id))}`;
  const body = new URLSearchParams({ csrf, intent: "place", checkoutKey: crypto.randomUUID(), payment, recipientName: "สมศรี ใจงาม", phone: "0812345678", email, ...fields });
  const request = new Request("http://test.local/checkout", { method: "POST", headers: { Cookie: browser, "Content-Type": "application/x-www-form-urlencoded" }, body });
  const answer = (await checkoutRoute.action({ request, params: {}, context: routeContext } as never)) as Response;
  const order = await db().order.findFirstOrThrow({ where: { email }, orderBy: { createdAt: "desc" }, include: { payments: true } });
  return { answer, order, cookie: `${browser}; ${cookiePair(answer.headers.get("Set-Cookie")!)}`, csrf };
}

/** The order page's loader data as the browser with `cookie` sees it. */
export async function orderPageData<T>(number: string, cookie: string, query = ""): Promise<T> {
  const request = new Request(`http://test.local/orders/${number}${query}`, { headers: { Cookie: cookie } });
  return (await outcome(() => orderRoute.loader({ request, params: { number }, context: routeContext } as never))).body as T;
}

/** A "pay" post on the order page (a card token, or the source to pay by). */
export function payOnOrderPage(number: string, cookie: string, csrf: string, fields: Record<string, string>) {
  const body = new URLSearchParams({ csrf, intent: "pay-card", ...fields });
  const request = new Request(`http://test.local/orders/${number}`, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body });
  return outcome(() => orderRoute.action({ request, params: { number }, context: routeContext } as never));
}

/** A payment test file's provider server listening, and the two PromptPay groups ready, for the whole file. */
export function listenWithPromptPayGroups(server: SetupServer) {
  beforeAll(async () => {
    server.listen();
    await preparePromptPayGroups();
  });
  afterAll(() => server.close());
}

/** Omise's GET /charges/:id over the charges a test file keeps, in Omise's shapes (404 for one it never made). */
export function omiseChargeLookup(charges: Map<string, Record<string, unknown>>) {
  return http.get("https://api.omise.co/charges/:id", ({ params }) => {
    const found = charges.get(String(params.id));
    return found ? HttpResponse.json(found) : HttpResponse.json({ object: "error", code: "not_found", message: "charge was not found" }, { status: 404 });
  });
}
