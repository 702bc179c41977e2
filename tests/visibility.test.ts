/**
 * What buyers may see, end to end: while a group is not verified (pending, or suspended by staff)
 * none of its products appear anywhere a buyer looks — product and group pages, home shelves and
 * curated collections, category and province listings, search (engine and database fallback),
 * suggestions, the sitemap and share images — and the same holds for a verified group's draft
 * and archived products. Verified again, everything is back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { parseBrowseQuery } from "~/modules/catalog/browse-query";
import { categoryListing, provinceListing } from "~/modules/catalog/browse.server";
import { newProducts, productPage } from "~/modules/catalog/catalog.server";
import { rebuildSearchIndex } from "#search/engines.server.ts";
import { productShareCard } from "~/modules/catalog/share-cards.server";
import { sitemapGroups, sitemapProducts } from "~/modules/catalog/sitemap.server";
import { collectionPage, homeCollections } from "~/modules/curation/collections.server";
import { groupPage, groupsNear, verifiedGroups } from "~/modules/groups/groups.server";
import { createBuiltinEngine } from "#search/builtin/engine.ts";
import { fallbackSearch, fallbackSuggest } from "#search/fallback.ts";
import { parseSearchQuery } from "#search/port.ts";
import type { VerificationStatus } from "~/generated/prisma/enums";

const groupSlug = "chonnabot-mudmee";
const featured = "chonnabot-mudmee-mudmee-silk-mak-chap-pattern"; // in the "handwoven heritage" collection

let group: { id: string; provinceSlug: string; productSlugs: string[]; titleEn: string };

beforeAll(async () => {
  const row = await db().occupationGroup.findUniqueOrThrow({
    where: { slug: groupSlug },
    select: { id: true, province: { select: { slug: true } }, products: { select: { slug: true, titleEn: true } } },
  });
  group = { id: row.id, provinceSlug: row.province.slug, productSlugs: row.products.map((p) => p.slug), titleEn: row.products[0].titleEn };
  expect(group.productSlugs).toContain(featured);
});

afterAll(async () => {
  await db().occupationGroup.update({ where: { id: group.id }, data: { verificationStatus: "VERIFIED" } });
});

/** Every slug of this group's products a buyer can reach, gathered from every place they look. */
async function productSlugsBuyersSee(): Promise<Set<string>> {
  const seen = new Set<string>();
  const add = (slugs: Iterable<string>) => {
    for (const slug of slugs) if (group.productSlugs.includes(slug)) seen.add(slug);
  };
  for (const slug of group.productSlugs) if (await productPage(slug)) seen.add(slug);
  add((await newProducts({ limit: 500 })).map((p) => p.slug));
  add((await homeCollections({ itemsEach: 100 })).flatMap((c) => c.products.map((p) => p.slug)));
  for (const slug of await db().collection.findMany({ select: { slug: true } }).then((rows) => rows.map((row) => row.slug))) {
    add((await collectionPage(slug))?.products.map((p) => p.slug) ?? []);
  }
  add((await categoryListing("textiles", parseBrowseQuery(new URLSearchParams()))).products.map((p) => p.slug));
  add((await provinceListing(group.provinceSlug, parseBrowseQuery(new URLSearchParams()))).products.map((p) => p.slug));
  add((await sitemapProducts(1)).map((p) => p.slug));
  for (const slug of group.productSlugs) if (await productShareCard(slug, "th")) seen.add(slug);
  const engine = createBuiltinEngine();
  await rebuildSearchIndex(db(), engine);
  add((await engine.search({ q: "", perPage: 48, filters: { province: [group.provinceSlug] } })).hits.map((h) => h.slug));
  add((await engine.search({ q: group.titleEn, lang: "en", perPage: 48 })).hits.map((h) => h.slug));
  add((await fallbackSearch(db(), parseSearchQuery({ q: "", perPage: 48, filters: { province: [group.provinceSlug] } }))).hits.map((h) => h.slug));
  add((await fallbackSuggest(db(), group.titleEn.slice(0, 12), "en", 20)).map((s) => s.slug));
  return seen;
}

async function groupBuyersSee(): Promise<boolean> {
  const near = await groupsNear({ provinceSlug: group.provinceSlug, limit: 100 });
  const places = [
    (await groupPage(groupSlug)) !== null,
    (await verifiedGroups({ limit: 500 })).some((g) => g.slug === groupSlug),
    near.own.some((g) => g.slug === groupSlug),
    (await sitemapGroups()).some((g) => g.slug === groupSlug),
  ];
  // All or nothing: a group half-hidden is a bug either way.
  expect(new Set(places).size).toBe(1);
  return places[0];
}

describe.each<VerificationStatus>(["PENDING", "SUSPENDED"])("a %s group", (status) => {
  it("is hidden with all its products everywhere buyers look", async () => {
    await db().occupationGroup.update({ where: { id: group.id }, data: { verificationStatus: "VERIFIED" } });
    expect([...(await productSlugsBuyersSee())].sort()).toEqual([...group.productSlugs].sort());
    expect(await groupBuyersSee()).toBe(true);

    await db().occupationGroup.update({ where: { id: group.id }, data: { verificationStatus: status } });
    expect([...(await productSlugsBuyersSee())]).toEqual([]);
    expect(await groupBuyersSee()).toBe(false);
  });
});

describe("a verified group's products that are not for sale", () => {
  it("are hidden while draft, archived or hidden by staff", async () => {
    await db().occupationGroup.update({ where: { id: group.id }, data: { verificationStatus: "VERIFIED" } });
    for (const status of ["DRAFT", "ARCHIVED"] as const) {
      await db().product.update({ where: { slug: featured }, data: { status } });
      expect((await productSlugsBuyersSee()).has(featured)).toBe(false);
    }
    await db().product.update({ where: { slug: featured }, data: { status: "ACTIVE", hiddenAt: new Date(), hiddenReason: "photo of another group's work" } });
    expect((await productSlugsBuyersSee()).has(featured)).toBe(false);
    await db().product.update({ where: { slug: featured }, data: { hiddenAt: null, hiddenReason: null } });
    expect((await productSlugsBuyersSee()).has(featured)).toBe(true);
  });
});
