/**
 * As-you-type suggestions for the header search box: GET ?q=…&limit=… → JSON
 * {suggestions: [{slug, text, href}]}. Parsed leniently (bad input gives an empty list, not an
 * error), answered by the engine or, when it is down, by the database.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { href } from "~/i18n/i18n";
import { requireLang } from "~/web/lang.server";
import { MAX_QUERY_LENGTH } from "#search/port.ts";
import { suggestProducts } from "~/modules/catalog/search.server";

const paramsSchema = z.object({
  q: z.string().catch("").transform((q) => q.slice(0, MAX_QUERY_LENGTH)),
  limit: z.coerce.number().int().min(1).max(10).catch(8),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const url = new URL(request.url);
  const { q, limit } = paramsSchema.parse({ q: url.searchParams.get("q") ?? "", limit: url.searchParams.get("limit") ?? 8 });
  const suggestions = q.trim() ? await suggestProducts(q, { lang, limit }) : [];
  // A plain Response: fetched by the header box, not by Remix, so no single-fetch encoding.
  return Response.json(
    { suggestions: suggestions.map((s) => ({ slug: s.slug, text: s.text, href: href(lang, `/products/${s.slug}`) })) },
    { headers: { "Cache-Control": "private, max-age=30", "X-Robots-Tag": "noindex" } },
  );
}
