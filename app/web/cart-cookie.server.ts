/**
 * Whose basket a request means: a signed-in buyer's own, or a guest's, found by the id in a
 * signed, httpOnly cookie (so it cannot be guessed or swapped). The cookie is kept for 60 days;
 * at sign-in the guest's basket joins the account's (cart.server.ts `mergeGuestCart`).
 */
import { createCookie } from "@remix-run/node";
import { config } from "~/config.server";
import { sessionSecret } from "./secrets.server";

let cookie: ReturnType<typeof createCookie> | undefined;
function cartCookie() {
  cookie ??= createCookie("cart", {
    httpOnly: true,
    sameSite: "lax",
    secure: config().NODE_ENV === "production",
    path: "/",
    maxAge: 60 * 86_400,
    secrets: [sessionSecret()],
  });
  return cookie;
}

export async function guestCartId(request: Request): Promise<string | null> {
  const value = await cartCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length <= 40 ? value : null;
}

export function rememberGuestCart(cartId: string): Promise<string> {
  return cartCookie().serialize(cartId);
}

export function forgetGuestCart(): Promise<string> {
  return cartCookie().serialize("", { maxAge: 0 });
}
