/** The sitemap covers every shown product and group in both languages, and nothing hidden. */
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import * as robots from "~/routes/robots[.]txt";
import * as index from "~/routes/sitemap[.]xml";
import * as files from "~/routes/sitemaps.$file";

const origin = "http://store.test";
async function get(route: { loader: (args: never) => unknown }, path: string, params: Record<string, string> = {}) {
  try {
    return (await route.loader({ request: new Request(`${origin}${path}`), params, context: {} } as never)) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("sitemap", () => {
  it("indexes the pages, groups and product files", async () => {
    const body = await (await get(index, "/sitemap.xml")).text();
    expect(body).toContain(`<loc>${origin}/sitemaps/pages.xml</loc>`);
    expect(body).toContain(`<loc>${origin}/sitemaps/groups.xml</loc>`);
    expect(body).toContain(`<loc>${origin}/sitemaps/products-1.xml</loc>`);
    expect(body).not.toContain("products-2.xml");
  });

  it("lists every active product and verified group in Thai and English, with hreflang twins", async () => {
    const hidden = await db().product.update({ where: { slug: "ban-thon-krajood-krajood-mat" }, data: { status: "ARCHIVED" } });
    const products = await (await get(files, "/sitemaps/products-1.xml", { file: "products-1.xml" })).text();
    const active = await db().product.findMany({ where: { status: "ACTIVE", group: { verificationStatus: "VERIFIED" } }, select: { slug: true } });
    expect(active.length).toBeGreaterThan(50);
    for (const { slug } of active) {
      expect(products).toContain(`<loc>${origin}/products/${slug}</loc>`);
      expect(products).toContain(`<loc>${origin}/en/products/${slug}</loc>`);
    }
    expect(products).not.toContain(hidden.slug);
    expect(products).toContain(`hreflang="en" href="${origin}/en/products/${active[0].slug}"`);
    expect((products.match(/<url>/g) ?? []).length).toBe(active.length * 2);

    const groups = await (await get(files, "/sitemaps/groups.xml", { file: "groups.xml" })).text();
    const verified = await db().occupationGroup.findMany({ where: { verificationStatus: "VERIFIED" }, select: { slug: true } });
    for (const { slug } of verified) expect(groups).toContain(`<loc>${origin}/en/groups/${slug}</loc>`);

    const pages = await (await get(files, "/sitemaps/pages.xml", { file: "pages.xml" })).text();
    expect(pages).toContain(`<loc>${origin}/categories/textiles</loc>`);
    expect(pages).toContain(`<loc>${origin}/en/provinces/khon-kaen</loc>`);
    expect(pages).toContain(`<loc>${origin}/groups</loc>`);
    expect(pages).toContain(`<loc>${origin}/en/collections/handwoven-heritage</loc>`);
  });

  it("answers 404 for files that do not exist", async () => {
    expect((await get(files, "/sitemaps/products-2.xml", { file: "products-2.xml" })).status).toBe(404);
    expect((await get(files, "/sitemaps/products-0.xml", { file: "products-0.xml" })).status).toBe(404);
    expect((await get(files, "/sitemaps/../secret", { file: "../secret" })).status).toBe(404);
  });

  it("robots.txt points at the sitemap and keeps accounts out", async () => {
    const body = await (await get(robots, "/robots.txt")).text();
    expect(body).toContain(`Sitemap: ${origin}/sitemap.xml`);
    expect(body).toContain("Disallow: /en/signin");
  });
});
