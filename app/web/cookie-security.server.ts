/**
 * Whether the store's cookies are marked `Secure`. A browser keeps a Secure cookie only from an
 * HTTPS page, so always marking them (as production did) broke sign-in for a phone trying the
 * store on the local network over plain HTTP: the CSRF nonce never came back and every form
 * answered 403. They are Secure when the request came over HTTPS, directly or through the trusted
 * proxy (Express reads X-Forwarded-Proto only from a proxy named by TRUST_PROXY, and the request
 * guard drops it from anyone else, so `request.url` carries the scheme the browser used), or
 * whenever PUBLIC_URL is https: a deployment that says it is reached over HTTPS never sends a
 * session cookie that could travel in the clear.
 */
import type { Cookie } from "@remix-run/node";
import { config, type Config } from "~/config.server";

export function publicUrlIsHttps(settings: Pick<Config, "PUBLIC_URL"> = config()): boolean {
  return settings.PUBLIC_URL?.startsWith("https:") ?? false;
}

export function secureCookies(request: Request): boolean {
  return publicUrlIsHttps() || new URL(request.url).protocol === "https:";
}

/** The start log's line about it. */
export function cookieSecurityNote(settings: Pick<Config, "PUBLIC_URL" | "TRUST_PROXY">): string {
  if (publicUrlIsHttps(settings)) return "Cookies: always Secure (PUBLIC_URL is https)";
  const proxy = settings.TRUST_PROXY === false ? "" : ", or through the trusted proxy";
  return `Cookies: Secure for requests over HTTPS${proxy}; plain over HTTP (a phone on the local network can sign in)`;
}

/**
 * One cookie in its two forms, chosen per request. `make(secure)` builds each once; a cookie
 * whose name depends on it (`__Host-` needs Secure) is parsed under the name this request uses.
 */
export function cookiePerScheme(make: (secure: boolean) => Cookie): (request: Request) => Cookie {
  const made = new Map<boolean, Cookie>();
  return (request) => {
    const secure = secureCookies(request);
    let cookie = made.get(secure);
    if (!cookie) made.set(secure, (cookie = make(secure)));
    return cookie;
  };
}
