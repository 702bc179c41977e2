/**
 * CSRF protection for every mutation. Each form posts a token that is an HMAC,
 * under the session secret, of who the visitor is and a nonce. The server keeps
 * nothing: it recomputes the token from the request's cookies.
 *
 * - Signed out, the nonce is random and kept in an httpOnly cookie.
 * - Signed in, the nonce is derived from the session id under the secret, so
 *   every request of one session agrees on it without a cookie. A page and a
 *   request beside it (its basket's token fetch, a missing favicon) each setting
 *   a random nonce of their own would leave the page holding a token for the
 *   nonce the browser did not keep, and its first post refused; a browser
 *   restart, which drops the nonce's session cookie and keeps the longer-lived
 *   session, made that happen to real buyers.
 *
 * Binding the token to the session means a token seen anywhere (another
 * visitor's page, a page from before sign-in) is worthless in this session,
 * and the nonce cookie is replaced whenever the visitor changes (sign-in,
 * sign-up, sign-out), so even a signed-out page's token dies at sign-in. SameSite
 * cookies and the Origin check (request-guard.server.ts) already stop most
 * cross-site posts; the token also covers older browsers and same-site
 * subdomains. Wherever cookies are Secure (cookie-security.server.ts: over
 * HTTPS, or PUBLIC_URL is https) the cookie is `__Host-` prefixed: browsers then
 * refuse it unless Secure, for the whole site and from this host only, so a
 * sibling subdomain cannot plant its own nonce. Over plain HTTP (a phone on the
 * local network) it is a plain `csrf` cookie, which the browser keeps.
 */
import { createCookie } from "@remix-run/node";
import crypto from "node:crypto";
import { cookiePerScheme } from "./cookie-security.server";
import { refusal } from "./http.server";
import { sessionSecret } from "./secrets.server";
import { sessionIdFrom } from "./session.server";

export const CSRF_FIELD = "csrf";

/** The nonce cookie: `__Host-csrf` where cookies are Secure, plain `csrf` over plain HTTP. */
export function csrfCookieFor(secure: boolean) {
  return createCookie(secure ? "__Host-csrf" : "csrf", { httpOnly: true, sameSite: "lax", secure, path: "/" });
}

const csrfCookie = cookiePerScheme(csrfCookieFor);

const NONCE = /^[A-Za-z0-9_-]{32}$/;

function newNonce(): string {
  return crypto.randomBytes(24).toString("base64url");
}

/** A signed-in visitor's nonce: as unguessable as a random one, and the same for every request of the session. */
function sessionNonce(sessionId: string): string {
  return crypto.createHmac("sha256", sessionSecret()).update(`csrf-nonce\u0000${sessionId}`).digest("base64url").slice(0, 32);
}

async function nonceFrom(request: Request): Promise<string | null> {
  const value = await csrfCookie(request).parse(request.headers.get("Cookie"));
  return typeof value === "string" && NONCE.test(value) ? value : null;
}

function tokenFor(sessionId: string | undefined, nonce: string): string {
  return crypto.createHmac("sha256", sessionSecret()).update(`csrf\u0000${sessionId ?? "anon"}\u0000${nonce}`).digest("base64url");
}

/**
 * The token this request's visitor holds: for a session, from its id and its own nonce; signed
 * out, from the nonce cookie (null when the browser has none yet). The session cookie is read once.
 */
async function heldToken(request: Request): Promise<string | null> {
  const sessionId = await sessionIdFrom(request);
  if (sessionId) return tokenFor(sessionId, sessionNonce(sessionId));
  const nonce = await nonceFrom(request);
  return nonce ? tokenFor(undefined, nonce) : null;
}

// Several loaders of one request (the root's and the page's) may each ask for a token; a
// signed-out browser without the cookie must get one nonce for all of them, not one per loader.
const issued = new WeakMap<Request, Promise<{ token: string; setCookie?: string }>>();

/** The request's token, and a Set-Cookie header when the browser had no nonce yet. */
export function csrfToken(request: Request): Promise<{ token: string; setCookie?: string }> {
  let pending = issued.get(request);
  if (!pending) {
    pending = heldToken(request).then(async (held) => {
      if (held) return { token: held };
      const nonce = newNonce();
      return { token: tokenFor(undefined, nonce), setCookie: await csrfCookie(request).serialize(nonce) };
    });
    issued.set(request, pending);
  }
  return pending;
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

/**
 * A Set-Cookie header with a fresh nonce, for the response that changes who
 * the visitor is (sign-in, sign-up, sign-out): tokens issued before stop working.
 */
export function rotateCsrfCookie(request: Request): Promise<string> {
  return csrfCookie(request).serialize(newNonce());
}

/** Throws 403 unless the posted token is this visitor's, for this session and nonce. */
export async function requireCsrf(request: Request, form: FormData): Promise<void> {
  const held = await heldToken(request);
  const posted = form.get(CSRF_FIELD);
  const expected = held ? Buffer.from(held) : null;
  if (!expected || typeof posted !== "string" || Buffer.byteLength(posted) !== expected.length || !crypto.timingSafeEqual(expected, Buffer.from(posted))) {
    throw refusal(request, 403, "CSRF token missing or invalid");
  }
}
