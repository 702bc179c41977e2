/**
 * /search/open?log=<search id>&product=<slug>: where a search result's link goes. It notes the
 * product as opened from that search (app/modules/search-log; the id is random and names no one)
 * and sends the browser on to the product page. A link without a valid search id still arrives;
 * a product that is not a slug gets a 400 in the page's language, and nothing is noted.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { href, translator } from "~/i18n/i18n";
import { recordOpened } from "~/modules/search-log/log.server";
import { refusal } from "~/web/http.server";
import { requireLang } from "~/web/lang.server";

const paramsSchema = z.object({
  product: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(200),
  log: z.uuid().optional().catch(undefined),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const url = new URL(request.url);
  const parsed = paramsSchema.safeParse({ product: url.searchParams.get("product") ?? "", log: url.searchParams.get("log") ?? undefined });
  if (!parsed.success) throw refusal(request, 400, translator(lang)("search.openBadProduct"), { "X-Robots-Tag": "noindex" });
  const { product, log } = parsed.data;
  if (log) {
    await recordOpened({ logId: log, productSlug: product }).catch((error: unknown) =>
      console.error(`search log: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  return redirect(href(lang, `/products/${product}`), { headers: { "X-Robots-Tag": "noindex", "Cache-Control": "no-store" } });
}
