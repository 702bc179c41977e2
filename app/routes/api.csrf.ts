/**
 * A CSRF token for a form on a page that was served from the shared page cache (such pages carry
 * no token: the product page's "add to basket"). The form asks for its token here once the page's
 * JavaScript runs; without JavaScript, the post goes without one and the basket page asks the
 * buyer to confirm with a form of its own.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csrfForForm } from "~/web/csrf.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { csrf, headers } = await csrfForForm(request);
  return Response.json({ csrf }, { headers: { ...Object.fromEntries(new Headers(headers)), "Cache-Control": "no-store" } });
}
