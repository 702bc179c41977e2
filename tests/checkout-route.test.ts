/**
 * The checkout page's action as a browser posts it: the fields are parsed on the server (the Thai
 * address checked against the address dataset, the phone by the shared rule), nothing the browser
 * sends about prices or quantities is believed, and a refused post changes nothing.
 */
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { ensureCart, putInCart } from "~/modules/cart/cart.server";
import { rememberGuestCart } from "~/web/cart-cookie.server";
import { action } from "~/routes/($lang).checkout";
import { cookiePair, cookiesFor } from "./helpers";
import { outcome } from "./route-calls";

const mat = "tha-phra-women-chili-paste-hot";
const context = { clientAddress: "127.0.0.1" };
let product: { id: string; groupId: string; priceSatang: number };
let courierId: string;

beforeAll(async () => {
  product = await db().product.update({ where: { slug: mat }, data: { stock: 50 } });
  const courier =
    (await db().shippingMethod.findFirst({ where: { groupId: product.groupId, kind: { notIn: ["PICKUP_CENTRE", "PICKUP_MARKET"] }, active: true } })) ??
    (await db().shippingMethod.create({ data: { groupId: product.groupId, kind: "COURIER_KERRY", nameTh: "Kerry", nameEn: "Kerry", feeSatang: 4000, position: 9 } }));
  courierId = courier.id;
});

/** A guest's basket with `quantity` jars, and a checkout post from that browser. */
async function post(fields: Record<string, string>, quantity = 1, lang = "") {
  const cart = await ensureCart({ cartId: null });
  await putInCart(cart.id, { productId: product.id, quantity });
  const { cookie, csrf } = await cookiesFor(null);
  const form = {
    csrf,
    intent: "place",
    checkoutKey: crypto.randomUUID(),
    [`shipping.${product.groupId}`]: courierId,
    payment: "CASH_ON_PICKUP",
    recipientName: "สมศรี ใจงาม",
    phone: "081-234-5678",
    email: "",
    line: "99/1 หมู่ 3",
    province: "ขอนแก่น",
    district: "ชนบท",
    subdistrict: "ชนบท",
    postcode: "40180",
    ...fields,
  };
  const request = new Request(`http://test.local${lang}/checkout`, {
    method: "POST",
    headers: { Cookie: `${cookie}; ${cookiePair(await rememberGuestCart(new Request("http://test.local/"), cart.id))}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  const ordersBefore = await db().order.count();
  const got = await outcome(() => action({ request, params: lang ? { lang: "en" } : {}, context } as never));
  return { got, cartId: cart.id, newOrders: (await db().order.count()) - ordersBefore, form };
}

const fieldErrors = (body: unknown) => (body as { fieldErrors: Record<string, string> }).fieldErrors;

describe("the checkout form", () => {
  it("refuses an address whose postcode is not its subdistrict's, next to the field, placing nothing", async () => {
    const { got, newOrders } = await post({ postcode: "10330" });
    expect(got.status).toBe(400);
    expect(fieldErrors(got.body)).toEqual({ postcode: "address.errors.postcodeMismatch" });
    expect(newOrders).toBe(0);
  });

  it("refuses a district that is not in the province, and a phone that is not Thai", async () => {
    const { got, newOrders } = await post({ district: "ปทุมวัน", phone: "12345" });
    expect(got.status).toBe(400);
    expect(fieldErrors(got.body)).toMatchObject({ phone: "address.errors.phone" });
    expect(newOrders).toBe(0);
    const place = await post({ district: "ปทุมวัน" });
    expect(fieldErrors(place.got.body)).toEqual({ district: "address.errors.districtNotInProvince" });
  });

  it("keeps the shipping the buyer chose when the page comes back with errors, and leaves none after an order", async () => {
    const refused = await post({ phone: "12345" });
    expect(refused.got.status).toBe(400);
    expect(await db().cartShipping.findMany({ where: { cartId: refused.cartId }, select: { groupId: true, shippingMethodId: true } })).toEqual([
      { groupId: product.groupId, shippingMethodId: courierId },
    ]);
    const placed = await post({});
    expect(placed.got.status).toBe(302);
    expect(await db().cartShipping.count({ where: { cartId: placed.cartId } })).toBe(0);
  });

  it("answers a post without its checkout key with a 400", async () => {
    const { got, newOrders } = await post({ checkoutKey: "not-a-key" });
    expect(got.status).toBe(400);
    expect(newOrders).toBe(0);
  });

  it("takes prices and quantities from the database, whatever else the form carries", async () => {
    const { got, cartId } = await post({ priceSatang: "1", unitPriceSatang: "1", quantity: "999", totalSatang: "1" }, 2);
    expect(got.status).toBe(302);
    const number = /\/orders\/([^?]+)/.exec(got.location ?? "")?.[1];
    const order = await db().order.findUniqueOrThrow({ where: { number }, include: { groupOrders: { include: { lines: true } } } });
    expect(order.groupOrders[0].lines).toMatchObject([{ quantity: 2, unitPriceSatang: product.priceSatang }]);
    expect(await db().cartItem.count({ where: { cartId } })).toBe(0);
  });

  it("places one order for a checkout sent twice", async () => {
    const first = await post({});
    expect(first.newOrders).toBe(1);
    const cart = await ensureCart({ cartId: null });
    await putInCart(cart.id, { productId: product.id, quantity: 1 });
    const { cookie, csrf } = await cookiesFor(null);
    const request = new Request("http://test.local/checkout", {
      method: "POST",
      headers: { Cookie: `${cookie}; ${cookiePair(await rememberGuestCart(new Request("http://test.local/"), cart.id))}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...first.form, csrf }),
    });
    const before = await db().order.count();
    const again = await outcome(() => action({ request, params: {}, context } as never));
    expect(await db().order.count()).toBe(before);
    expect(again.location).toBe(first.got.location);
  });
});
