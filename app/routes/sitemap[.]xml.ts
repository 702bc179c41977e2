/** /sitemap.xml: the index of the sitemap files (pages, groups, products in slices). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { sitemapFileCount } from "~/modules/catalog/sitemap.server";
import { publicOrigin } from "~/web/origin.server";
import { sitemapIndex, xmlResponse } from "~/web/sitemap";

export async function loader({ request }: LoaderFunctionArgs) {
  const origin = publicOrigin(request);
  const files = await sitemapFileCount();
  const urls = [`${origin}/sitemaps/pages.xml`, `${origin}/sitemaps/groups.xml`, ...Array.from({ length: files }, (_, i) => `${origin}/sitemaps/products-${i + 1}.xml`)];
  return xmlResponse(sitemapIndex(urls));
}
