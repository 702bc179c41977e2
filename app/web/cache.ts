/**
 * Cache-Control per kind of response, chosen once here and exported by routes
 * as `headers`.
 *
 * Store pages are the same for everyone except the header, which names the
 * signed-in user, and the CSRF cookie the root loader may set. So HTML is
 * `private`: the browser may reuse it for a minute (back/forward, re-opening a
 * product), but no shared cache or CDN may hand one buyer's page to another.
 * `Vary: Cookie` makes the browser refetch once the user signs in or out.
 * Error pages are not kept at all, so a fixed 404 or 500 disappears at once.
 * Assets with a content hash (fonts, JS, CSS) and images that depend only on
 * their URL (/art, /og) are long-lived and public; see those routes and server.ts.
 */
import type { HeadersFunction } from "@remix-run/node";

export const PAGE_CACHE = "private, max-age=60";
export const ERROR_CACHE = "no-store";
/** Generated images: public, a week fresh and a day more served stale while refreshed. */
export const IMAGE_CACHE = "public, max-age=604800, stale-while-revalidate=86400";

export const pageHeaders: HeadersFunction = ({ errorHeaders }) => {
  const headers = new Headers({ Vary: "Cookie" });
  headers.set("Cache-Control", errorHeaders ? ERROR_CACHE : PAGE_CACHE);
  return headers;
};
