/** Orders for the group-order tests, placed through checkout as a buyer would, and a reader of route answers. */
import crypto from "node:crypto";
import { db } from "~/db/client.server";
import { ensureCart, putInCart } from "~/modules/cart/cart.server";
import { placeOrder } from "~/modules/checkout/place-order.server";

export const mat = "tha-phra-women-chili-paste-hot"; // ready stock, Tha Phra women
export const silk = "chonnabot-mudmee-mudmee-silk-mak-chap-pattern"; // made to order, Chonnabot mudmee

type Outcome = { status: number; location?: string | null; data?: unknown };

/** What a loader or action answered: a redirect, data with a status, or a thrown response. */
export async function outcome(promise: Promise<unknown>): Promise<Outcome> {
  try {
    const result = await promise;
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), data: await result.text() };
    if (result && typeof result === "object" && "init" in result && "data" in result) {
      const { init, data } = result as { init: { status?: number } | null; data: unknown };
      return { status: init?.status ?? 200, data };
    }
    return { status: 200, data: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location") };
    throw thrown;
  }
}

export async function groupIdOf(slug: string) {
  return (await db().occupationGroup.findUniqueOrThrow({ where: { slug } })).id;
}

/** A pickup and a Kerry method for the group, as its shipping page would set them. */
async function shippingFor(groupId: string) {
  const existing = await db().shippingMethod.findMany({ where: { groupId } });
  const pickup = existing.find((m) => m.kind === "PICKUP_CENTRE") ?? (await db().shippingMethod.create({ data: { groupId, kind: "PICKUP_CENTRE", nameTh: "รับที่ศูนย์กลุ่ม", nameEn: "Pick up at the centre", feeSatang: 0, position: 0 } }));
  const courier = existing.find((m) => m.kind === "COURIER_KERRY") ?? (await db().shippingMethod.create({ data: { groupId, kind: "COURIER_KERRY", nameTh: "Kerry", nameEn: "Kerry", feeSatang: 4000, position: 1 } }));
  return { pickup, courier };
}

/** Places an order through checkout (one product, or several of one group with `also`); returns the group order it made. */
export async function order(slug: string, options: { quantity?: number; pickup?: boolean; name?: string; also?: string[] } = {}) {
  const product = await db().product.findUniqueOrThrow({ where: { slug } });
  const methods = await shippingFor(product.groupId);
  const cart = await ensureCart({ cartId: null });
  await putInCart(cart.id, { productId: product.id, quantity: options.quantity ?? 1 });
  for (const more of options.also ?? []) await putInCart(cart.id, { productId: (await db().product.findUniqueOrThrow({ where: { slug: more } })).id, quantity: 1 });
  const placed = await placeOrder({
    cartId: cart.id,
    checkoutKey: crypto.randomUUID(),
    buyerId: null,
    locale: "th",
    contact: { recipientName: options.name ?? "สมศรี ใจงาม", email: "somsri@example.com", phone: "0812345678" },
    address: { line: "99/1 หมู่ 3", subdistrict: "ชนบท", district: "ชนบท", province: "ขอนแก่น", postcode: "40180" },
    shipping: { [product.groupId]: (options.pickup ? methods.pickup : methods.courier).id },
    payment: "CASH_ON_PICKUP",
  });
  return db().groupOrder.findFirstOrThrow({ where: { orderId: placed.id }, include: { order: true, lines: true } });
}
