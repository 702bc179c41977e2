/**
 * What the sitemap lists: every active product of a verified group, every
 * verified group, and the category and province pages. Products come in
 * fixed-size files by id so each file stays under the protocol's 50 000 URLs
 * with both languages counted.
 */
import { db } from "~/db/client.server";
import { visibleGroups } from "~/modules/groups/visibility";
import { visibleProducts } from "./visibility";

/** 20 000 products × 2 languages = 40 000 URLs per file. */
export const PRODUCTS_PER_SITEMAP = 20_000;

export async function sitemapFileCount(): Promise<number> {
  const products = await db().product.count({ where: visibleProducts });
  return Math.max(1, Math.ceil(products / PRODUCTS_PER_SITEMAP));
}

/** The n-th (1-based) slice of products by id; empty past the end. */
export function sitemapProducts(n: number) {
  return db().product.findMany({
    where: visibleProducts,
    orderBy: { id: "asc" },
    skip: (n - 1) * PRODUCTS_PER_SITEMAP,
    take: PRODUCTS_PER_SITEMAP,
    select: { slug: true, updatedAt: true },
  });
}

export function sitemapGroups() {
  return db().occupationGroup.findMany({ where: visibleGroups, orderBy: { slug: "asc" }, select: { slug: true, updatedAt: true } });
}

export async function sitemapPages() {
  const [categories, provinces] = await Promise.all([
    db().category.findMany({ orderBy: { position: "asc" }, select: { slug: true } }),
    db().province.findMany({ where: { groups: { some: visibleGroups } }, orderBy: { slug: "asc" }, select: { slug: true } }),
  ]);
  return ["/", "/groups", ...categories.map((c) => `/categories/${c.slug}`), ...provinces.map((p) => `/provinces/${p.slug}`)];
}
