/**
 * The basket: kept in the database for guests (found by the id in their signed cookie) and
 * signed-in buyers alike, merged into the account's basket at sign-in. Owns Cart, CartItem and
 * CartShipping. Nothing the browser sends is trusted: a line holds only a product and a
 * quantity; prices, stock, capacity and whether the product is still for sale are read from the
 * database every time the basket is shown, and differences from what the buyer last saw are
 * reported ("price changed", "only 2 left", "no longer for sale") rather than silently applied.
 */
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import { MAX_LINE_QUANTITY, orderableQuantity } from "~/modules/catalog/capacity.server";
import { isVisibleProduct } from "~/modules/catalog/visibility";
import { productImageSelect } from "~/modules/media/selects";

/** Distinct products in one basket: enough for any real shopping trip, small enough to render. */
export const MAX_CART_LINES = 50;

export class CartLimitError extends Error {
  readonly name = "CartLimitError";
  constructor(readonly reason: "tooManyLines" | "notForSale" | "notAvailable", readonly available = 0) {
    super(`Cart refused: ${reason}`);
  }
}

/** The cart of a signed-in user, or of a guest by the id in their cookie; null if there is none yet. */
export async function findCart(owner: { userId?: string | null; cartId?: string | null }, client: Client = db()): Promise<string | null> {
  if (owner.userId) {
    const cart = await client.cart.findFirst({ where: { userId: owner.userId }, orderBy: { createdAt: "asc" }, select: { id: true } });
    return cart?.id ?? null;
  }
  if (!owner.cartId) return null;
  // A guest cookie never opens a cart that belongs to an account.
  const cart = await client.cart.findFirst({ where: { id: owner.cartId, userId: null }, select: { id: true } });
  return cart?.id ?? null;
}

export async function ensureCart(owner: { userId?: string | null; cartId?: string | null }, client: Client = db()): Promise<{ id: string; created: boolean }> {
  const found = await findCart(owner, client);
  if (found) return { id: found, created: false };
  const cart = await client.cart.create({ data: { userId: owner.userId ?? null }, select: { id: true } });
  return { id: cart.id, created: true };
}

const productForCart = {
  id: true,
  slug: true,
  status: true,
  hiddenAt: true,
  priceSatang: true,
  stock: true,
  madeToOrder: true,
  leadTimeDays: true,
  capacityPerWeek: true,
  group: { select: { verificationStatus: true } },
} as const;

/**
 * Puts `quantity` of a product in the basket (added to what is there, or replacing it with
 * `replace`), within what can be ordered now. A product not for sale is refused.
 */
export async function putInCart(
  cartId: string,
  input: { productId: string; quantity: number; replace?: boolean },
  client: Client = db(),
): Promise<{ quantity: number }> {
  // No transaction of its own: a basket belongs to one buyer, and the checkout re-checks
  // everything under locks; holding a connection here only starves checkouts under load.
  const tx = client;
  {
    const product = await tx.product.findUnique({ where: { id: input.productId }, select: productForCart });
    if (!product || !isVisibleProduct(product)) throw new CartLimitError("notForSale");
    const existing = await tx.cartItem.findUnique({ where: { cartId_productId: { cartId, productId: product.id } }, select: { quantity: true } });
    if (!existing && (await tx.cartItem.count({ where: { cartId } })) >= MAX_CART_LINES) throw new CartLimitError("tooManyLines");
    const wanted = input.replace ? input.quantity : (existing?.quantity ?? 0) + input.quantity;
    const available = await orderableQuantity(tx, product);
    if (wanted > available) throw new CartLimitError("notAvailable", available);
    if (wanted <= 0) {
      await tx.cartItem.deleteMany({ where: { cartId, productId: product.id } });
      return { quantity: 0 };
    }
    await tx.cartItem.upsert({
      where: { cartId_productId: { cartId, productId: product.id } },
      create: { cartId, productId: product.id, quantity: wanted, seenPriceSatang: product.priceSatang },
      update: { quantity: wanted, seenPriceSatang: product.priceSatang },
    });
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
    return { quantity: wanted };
  }
}

export async function removeFromCart(cartId: string, productId: string, client: Client = db()): Promise<void> {
  await client.cartItem.deleteMany({ where: { cartId, productId } });
}

/**
 * At sign-in, the guest's basket joins the account's: quantities add up (capped at what can be
 * ordered), the guest cart is emptied and removed. Returns the account's cart id.
 */
export async function mergeGuestCart(guestCartId: string | null | undefined, userId: string): Promise<string | null> {
  if (!guestCartId) return findCart({ userId });
  return inTransaction(db(), async (tx) => {
    const guest = await tx.cart.findFirst({ where: { id: guestCartId, userId: null }, select: { id: true, items: { select: { productId: true, quantity: true } } } });
    const own = await findCart({ userId }, tx);
    if (!guest) return own;
    if (!own) {
      await tx.cart.update({ where: { id: guest.id }, data: { userId } });
      return guest.id;
    }
    for (const item of guest.items) {
      try {
        await putInCart(own, { productId: item.productId, quantity: item.quantity }, tx);
      } catch (error) {
        // What can no longer be had stays out; the rest of the basket still moves.
        if (!(error instanceof CartLimitError)) throw error;
      }
    }
    await tx.cart.delete({ where: { id: guest.id } });
    return own;
  });
}

export type CartLineNotice =
  | { kind: "ok" }
  | { kind: "priceChanged"; fromSatang: number; toSatang: number }
  | { kind: "limited"; available: number }
  | { kind: "unavailable" };

/** The basket as it stands now, grouped by occupation group, with what changed since the buyer last saw it. */
export async function cartView(cartId: string | null, client: Client = db()) {
  if (!cartId) return { id: null, groups: [], itemsSatang: 0, count: 0, hasProblems: false };
  const items = await client.cartItem.findMany({
    where: { cartId },
    orderBy: { createdAt: "asc" },
    select: {
      quantity: true,
      seenPriceSatang: true,
      product: {
        select: {
          ...productForCart,
          titleTh: true,
          titleEn: true,
          unitTh: true,
          unitEn: true,
          weightGrams: true,
          images: productImageSelect,
          category: { select: { slug: true } },
          group: { select: { id: true, slug: true, nameTh: true, nameEn: true, verificationStatus: true } },
        },
      },
    },
  });
  const groups = new Map<string, { group: (typeof items)[number]["product"]["group"]; lines: ReturnType<typeof lineOf>[]; itemsSatang: number; weightGrams: number }>();
  function lineOf(item: (typeof items)[number], available: number) {
    const { product } = item;
    let notice: CartLineNotice = { kind: "ok" };
    if (!isVisibleProduct(product)) notice = { kind: "unavailable" };
    else if (item.quantity > available) notice = available > 0 ? { kind: "limited", available } : { kind: "unavailable" };
    else if (item.seenPriceSatang !== product.priceSatang) notice = { kind: "priceChanged", fromSatang: item.seenPriceSatang, toSatang: product.priceSatang };
    const { group: _group, status: _status, hiddenAt: _hiddenAt, ...shown } = product;
    return { product: shown, quantity: item.quantity, maxQuantity: Math.max(1, Math.min(available, MAX_LINE_QUANTITY)), lineSatang: product.priceSatang * item.quantity, notice };
  }
  for (const item of items) {
    const available = isVisibleProduct(item.product) ? await orderableQuantity(client, item.product) : 0;
    const line = lineOf(item, available);
    const entry = groups.get(item.product.group.id) ?? { group: item.product.group, lines: [], itemsSatang: 0, weightGrams: 0 };
    entry.lines.push(line);
    if (line.notice.kind !== "unavailable") {
      entry.itemsSatang += line.lineSatang;
      entry.weightGrams += item.product.weightGrams * item.quantity;
    }
    groups.set(item.product.group.id, entry);
  }
  const list = [...groups.values()];
  return {
    id: cartId,
    groups: list,
    itemsSatang: list.reduce((sum, group) => sum + group.itemsSatang, 0),
    count: items.reduce((sum, item) => sum + item.quantity, 0),
    hasProblems: list.some((group) => group.lines.some((line) => line.notice.kind !== "ok")),
  };
}

export type CartView = Awaited<ReturnType<typeof cartView>>;

/**
 * The buyer has seen the basket as it is now: prices they saw become the current ones, lines that
 * can no longer be had are dropped, and quantities beyond what is available are lowered to it.
 */
export async function acceptCartChanges(cartId: string, client?: Client): Promise<void> {
  await inTransaction(client, async (tx) => {
    const view = await cartView(cartId, tx);
    for (const group of view.groups) {
      for (const line of group.lines) {
        if (line.notice.kind === "unavailable") await tx.cartItem.deleteMany({ where: { cartId, productId: line.product.id } });
        else if (line.notice.kind === "limited") await tx.cartItem.updateMany({ where: { cartId, productId: line.product.id }, data: { quantity: line.notice.available, seenPriceSatang: line.product.priceSatang } });
        else if (line.notice.kind === "priceChanged") await tx.cartItem.updateMany({ where: { cartId, productId: line.product.id }, data: { seenPriceSatang: line.product.priceSatang } });
      }
    }
  });
}

/** Number of units in a basket, for the header's basket link. */
export async function cartCount(cartId: string | null, client: Client = db()): Promise<number> {
  if (!cartId) return 0;
  const sum = await client.cartItem.aggregate({ where: { cartId }, _sum: { quantity: true } });
  return sum._sum.quantity ?? 0;
}

/** The buyer's shipping choice for one group's part of the basket; the method must be that group's and active. */
export async function chooseShipping(cartId: string, groupId: string, shippingMethodId: string, client: Client = db()): Promise<boolean> {
  const method = await client.shippingMethod.findFirst({ where: { id: shippingMethodId, groupId, active: true }, select: { id: true } });
  if (!method) return false;
  await client.cartShipping.upsert({
    where: { cartId_groupId: { cartId, groupId } },
    create: { cartId, groupId, shippingMethodId },
    update: { shippingMethodId },
  });
  return true;
}

export async function shippingChoices(cartId: string, client: Client = db()): Promise<Record<string, string>> {
  const rows = await client.cartShipping.findMany({ where: { cartId }, select: { groupId: true, shippingMethodId: true } });
  return Object.fromEntries(rows.map((row) => [row.groupId, row.shippingMethodId]));
}
