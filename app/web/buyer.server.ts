/**
 * The buyer behind a request, for the basket and checkout: the signed-in user (whose basket is
 * their account's) or a guest (whose basket is found by their signed cart cookie).
 */
import { ensureCart, findCart } from "~/modules/cart/cart.server";
import { guestCartId, rememberGuestCart } from "./cart-cookie.server";
import { getUser } from "./session.server";

export async function buyerOf(request: Request) {
  const user = await getUser(request);
  const cookieCartId = user ? null : await guestCartId(request);
  const cartId = await findCart({ userId: user?.id ?? null, cartId: cookieCartId });
  return { user, cartId };
}

/** The request's basket, made if there is none; `setCookie` when a guest's new basket must be remembered. */
export async function buyerCart(request: Request): Promise<{ user: Awaited<ReturnType<typeof getUser>>; cartId: string; setCookie?: string }> {
  const { user, cartId } = await buyerOf(request);
  if (cartId) return { user, cartId };
  const cart = await ensureCart({ userId: user?.id ?? null });
  return { user, cartId: cart.id, setCookie: user ? undefined : await rememberGuestCart(request, cart.id) };
}
