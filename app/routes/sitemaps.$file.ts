/** One sitemap file: /sitemaps/pages.xml (home, directory, categories, provinces, live collections), /sitemaps/groups.xml or /sitemaps/products-<n>.xml. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { sitemapGroups, sitemapPages, sitemapProducts } from "~/modules/catalog/sitemap.server";
import { liveCollectionSlugs } from "~/modules/curation/collections.server";
import { notFound } from "~/web/http.server";
import { publicOrigin } from "~/web/origin.server";
import { urlSet, xmlResponse } from "~/web/sitemap";

const fileParam = z.union([
  z.enum(["pages.xml", "groups.xml"]),
  z
    .string()
    .regex(/^products-[1-9][0-9]{0,4}\.xml$/)
    .transform((name) => Number(name.slice("products-".length, -".xml".length))),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = fileParam.safeParse(params.file);
  if (!file.success) throw notFound();
  const origin = publicOrigin(request);
  if (file.data === "pages.xml") {
    const [pages, collections] = await Promise.all([sitemapPages(), liveCollectionSlugs()]);
    return xmlResponse(urlSet(origin, [...pages, ...collections.map((slug) => `/collections/${slug}`)].map((path) => ({ path }))));
  }
  if (file.data === "groups.xml") {
    const groups = await sitemapGroups();
    return xmlResponse(urlSet(origin, groups.map((g) => ({ path: `/groups/${g.slug}`, lastmod: g.updatedAt }))));
  }
  const products = await sitemapProducts(file.data);
  if (products.length === 0) throw notFound();
  return xmlResponse(urlSet(origin, products.map((p) => ({ path: `/products/${p.slug}`, lastmod: p.updatedAt }))));
}
