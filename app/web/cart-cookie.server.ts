/**
 * Whose basket a request means: a signed-in buyer's own, or a guest's, found by the id in a
 * signed, httpOnly cookie (so it cannot be guessed or swapped). The cookie is kept for 60 days;
 * at sign-in the guest's basket joins the account's (cart.server.ts `mergeGuestCart`).
 */
import { createCookie } from "@remix-run/node";
import { cookiePerScheme } from "./cookie-security.server";
import { sessionSecret } from "./secrets.server";

const cartCookie = cookiePerScheme((secure) =>
  createCookie("cart", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 60 * 86_400, secrets: [sessionSecret()] }),
);

export async function guestCartId(request: Request): Promise<string | null> {
  const value = await cartCookie(request).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length <= 40 ? value : null;
}

export function rememberGuestCart(request: Request, cartId: string): Promise<string> {
  return cartCookie(request).serialize(cartId);
}

export function forgetGuestCart(request: Request): Promise<string> {
  return cartCookie(request).serialize("", { maxAge: 0 });
}
