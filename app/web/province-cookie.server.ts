/**
 * The province a buyer chose on the home page, remembered for a year so
 * "groups near you" stays put. Only a province slug; not signed, because it
 * grants nothing, but always parsed and checked against the provinces we have.
 */
import { createCookie } from "@remix-run/node";
import { cookiePerScheme } from "./cookie-security.server";
import { slugParam } from "./params";

const provinceCookie = cookiePerScheme((secure) => createCookie("province", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 365 * 86_400 }));

/**
 * The chosen province: from `?province=` when the chooser was just submitted
 * (an empty value clears it), otherwise from the cookie. Returns the slug and,
 * when it changed, the Set-Cookie header to send.
 */
export async function chosenProvince(request: Request, known: (slug: string) => boolean): Promise<{ slug: string | null; setCookie?: string }> {
  const search = new URL(request.url).searchParams;
  if (search.has("province")) {
    const slug = slugParam(search.get("province") ?? undefined);
    if (slug && known(slug)) return { slug, setCookie: await provinceCookie(request).serialize(slug) };
    return { slug: null, setCookie: await provinceCookie(request).serialize("", { maxAge: 0 }) };
  }
  const stored = await provinceCookie(request).parse(request.headers.get("Cookie"));
  const slug = typeof stored === "string" ? slugParam(stored) : null;
  return { slug: slug && known(slug) ? slug : null };
}
