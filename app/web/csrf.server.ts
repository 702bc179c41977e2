/**
 * CSRF protection for every mutation: a random token in an httpOnly, signed
 * cookie must match the token posted with the form (double submit). SameSite
 * cookies already stop most cross-site posts; the token also covers older
 * browsers and same-site subdomains.
 */
import { createCookie } from "@remix-run/node";
import crypto from "node:crypto";
import { config } from "~/config.server";
import { sessionSecret } from "./secrets.server";

export const CSRF_FIELD = "csrf";

let cookie: ReturnType<typeof createCookie> | undefined;

function csrfCookie() {
  cookie ??= createCookie("__csrf", {
    httpOnly: true,
    sameSite: "lax",
    secure: config().NODE_ENV === "production",
    path: "/",
    secrets: [sessionSecret()],
  });
  return cookie;
}

/** The request's token, and a Set-Cookie header when a new one had to be made. */
export async function csrfToken(request: Request): Promise<{ token: string; setCookie?: string }> {
  const existing = await csrfCookie().parse(request.headers.get("Cookie"));
  if (typeof existing === "string" && existing.length >= 32) return { token: existing };
  const token = crypto.randomBytes(24).toString("base64url");
  return { token, setCookie: await csrfCookie().serialize(token) };
}

/**
 * For the loader of a page that shows a mutation form to visitors who are not
 * signed in (sign-in, sign-up): the token for its form and the header that sets
 * the cookie when the browser has none yet. Other pages carry no token, so the
 * HTML served to signed-out visitors is the same for all of them and can be
 * cached (app/web/page-cache.server.ts); signed-in pages get it from the root.
 */
export async function csrfForForm(request: Request): Promise<{ csrf: string; headers: HeadersInit }> {
  const { token, setCookie } = await csrfToken(request);
  return { csrf: token, headers: setCookie ? { "Set-Cookie": setCookie } : {} };
}

/** Throws 403 unless the posted token matches the cookie's. */
export async function requireCsrf(request: Request, form: FormData): Promise<void> {
  const expected = await csrfCookie().parse(request.headers.get("Cookie"));
  const posted = form.get(CSRF_FIELD);
  if (
    typeof expected !== "string" ||
    typeof posted !== "string" ||
    expected.length !== posted.length ||
    !crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(posted))
  ) {
    throw new Response("CSRF token missing or invalid", { status: 403, statusText: "csrf" });
  }
}
