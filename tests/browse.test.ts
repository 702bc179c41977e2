/**
 * Listings against a real database: sorting, filters, keyset paging that is
 * stable and disjoint (with ties in the sort key), unknown slugs and odd
 * query strings at the HTTP boundary, the home page's curated parts and the group directory.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { PAGE_SIZE, encodeCursor, parseBrowseQuery, type BrowseQuery } from "~/modules/catalog/browse-query";
import { COUNT_CAP_PAGES, categoryListing, provinceListing } from "~/modules/catalog/browse.server";
import { collectionPage, homeCollections, liveCollectionSlugs } from "~/modules/curation/collections.server";
import { groupsNear } from "~/modules/groups/groups.server";
import * as categoryRoute from "~/routes/($lang).categories.$slug";
import * as provinceRoute from "~/routes/($lang).provinces.$slug";
import * as collectionRoute from "~/routes/($lang).collections.$slug";
import * as directoryRoute from "~/routes/($lang).groups._index";
import * as homeRoute from "~/routes/($lang)._index";
import { demoCollections } from "../prisma/seed/collections";

const query = (text = ""): BrowseQuery => parseBrowseQuery(new URLSearchParams(text));

async function loaderStatus(route: { loader: (args: never) => Promise<unknown> }, url: string, params: Record<string, string>) {
  try {
    const data = await route.loader({ request: new Request(url), params, context: {} } as never);
    return { status: 200, data: data as Awaited<ReturnType<typeof categoryRoute.loader>> };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, data: null };
    throw thrown;
  }
}

/** Every page of a listing, following the next cursors. */
async function allPages(slug: string, text: string) {
  const seen: string[] = [];
  let current = query(text);
  for (let pages = 1; pages < 50; pages++) {
    const page = await categoryListing(slug, current);
    expect(page.page).toBe(pages);
    seen.push(...page.products.map((p) => p.id));
    if (!page.next) return { ids: seen, pages, pageCount: page.pageCount, total: page.total };
    current = { ...current, after: page.next };
  }
  throw new Error("paging never ended");
}

beforeAll(async () => {
  // Enough textiles for three pages, with many equal prices and equal creation
  // times, so paging must break ties by id to stay stable.
  const template = await db().product.findFirstOrThrow({ where: { category: { slug: "textiles" }, status: "ACTIVE" } });
  const { id: _id, slug: _slug, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = template;
  const sameInstant = new Date("2026-01-01T00:00:00Z");
  await db().product.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({
      ...fields,
      slug: `paging-test-${i}`,
      priceSatang: 10_000 * (1 + (i % 4)),
      createdAt: i < 20 ? sameInstant : new Date(sameInstant.getTime() - i * 60_000),
      madeToOrder: i % 2 === 0,
      stock: i % 3,
    })),
  });
});

describe("category listings", () => {
  it("sort newest first and by price both ways", async () => {
    const newest = (await categoryListing("textiles", query())).products;
    const dates = newest.map((p) => new Date(p.createdAt).getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const up = (await categoryListing("textiles", query("sort=price-asc"))).products.map((p) => p.priceSatang);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    const down = (await categoryListing("textiles", query("sort=price-desc"))).products.map((p) => p.priceSatang);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(up[0]).toBeLessThan(down[0]);
  });

  it.each(["", "sort=price-asc", "sort=price-desc", "ship=order&sort=price-asc"])("pages through every product once, in order (%s)", async (text) => {
    const { ids, pages, pageCount, total } = await allPages("textiles", text);
    expect(new Set(ids).size).toBe(ids.length); // disjoint
    expect(ids.length).toBe(total); // nothing missed
    expect(pages).toBe(pageCount);
    expect(pages).toBeGreaterThan(1);
    const expected = await db().product.findMany({
      where: { category: { slug: "textiles" }, status: "ACTIVE", ...(text.includes("ship=order") ? { madeToOrder: true } : {}) },
      orderBy: text.includes("price-asc") ? [{ priceSatang: "asc" }, { id: "asc" }] : text.includes("price-desc") ? [{ priceSatang: "desc" }, { id: "desc" }] : [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(ids).toEqual(expected.map((p) => p.id));
  });

  it.each(["", "sort=price-asc", "sort=price-desc"])("pages back through the same pages it paged forward (%s)", async (text) => {
    const forward: string[][] = [];
    let current = query(text);
    for (;;) {
      const page = await categoryListing("textiles", current);
      forward.push(page.products.map((p) => p.id));
      if (!page.next) break;
      current = { ...current, after: page.next };
    }
    expect(forward.length).toBeGreaterThan(2);

    let back = await categoryListing("textiles", current); // the last page
    for (let page = forward.length; page > 2; page--) {
      expect(back.page).toBe(page);
      expect(back.products.map((p) => p.id)).toEqual(forward[page - 1]);
      expect(back.previous?.p).toBe(page - 1);
      back = await categoryListing("textiles", { ...query(text), before: back.previous });
      expect(back.next).not.toBeNull();
    }
    expect(back.page).toBe(2);
    expect(back.products.map((p) => p.id)).toEqual(forward[1]);
    expect(back.previous).toBeNull(); // page 1 is the listing without a cursor
  });

  it("shows the first page when a previous-page link finds less than a page before it", async () => {
    const first = await categoryListing("textiles", query("sort=price-asc"));
    const third = first.products[3];
    const stale = { s: "price-asc", v: third.priceSatang, id: third.id, p: 4 } as const;
    const page = await categoryListing("textiles", { ...query("sort=price-asc"), before: stale });
    expect(page.page).toBe(1);
    expect(page.products.map((p) => p.id)).toEqual(first.products.map((p) => p.id));
  });

  it("filter by certification and by shipping", async () => {
    const otop = await categoryListing("textiles", query("cert=otop"));
    expect(otop.products.length).toBeGreaterThan(0);
    const certified = await db().productCertification.count({ where: { certification: { slug: "otop" }, productId: { in: otop.products.map((p) => p.id) } } });
    expect(certified).toBe(otop.products.length);
    const ready = await categoryListing("textiles", query("ship=ready"));
    expect(ready.products.length).toBeGreaterThan(0);
    expect(ready.products.every((p) => p.stock > 0)).toBe(true);
    const made = await categoryListing("textiles", query("ship=order"));
    expect(made.products.length).toBeGreaterThan(0);
    expect(made.products.every((p) => p.madeToOrder)).toBe(true);
    expect(made.total + ready.total).toBeGreaterThan(PAGE_SIZE);
  });

  it("hide products that are not active", async () => {
    const archived = await db().product.update({ where: { slug: "paging-test-0" }, data: { status: "ARCHIVED" } });
    const { ids } = await allPages("textiles", "");
    expect(ids).not.toContain(archived.id);
    await db().product.update({ where: { id: archived.id }, data: { status: "ACTIVE" } });
  });
});

describe("province listings", () => {
  it("show only products of groups in that province", async () => {
    const page = await provinceListing("khon-kaen", query());
    expect(page.total).toBeGreaterThan(0);
    const groups = await db().product.findMany({ where: { id: { in: page.products.map((p) => p.id) } }, select: { group: { select: { province: { select: { slug: true } } } } } });
    expect(new Set(groups.map((g) => g.group.province.slug))).toEqual(new Set(["khon-kaen"]));
  });
});

describe("listing pages at the HTTP boundary", () => {
  it("answer 404 for unknown or malformed categories and provinces, and unknown languages", async () => {
    expect((await loaderStatus(categoryRoute, "http://t/categories/nope", { slug: "nope" })).status).toBe(404);
    expect((await loaderStatus(categoryRoute, "http://t/categories/Bad..Slug", { slug: "Bad..Slug" })).status).toBe(404);
    expect((await loaderStatus(provinceRoute, "http://t/provinces/atlantis", { slug: "atlantis" })).status).toBe(404);
    expect((await loaderStatus(categoryRoute, "http://t/fr/categories/textiles", { lang: "fr", slug: "textiles" })).status).toBe(404);
  });

  it("ignore odd query strings and show the first page", async () => {
    const odd = await loaderStatus(categoryRoute, "http://t/categories/textiles?sort=%27;DROP&cert[]=x&ship=&after=%00%ff&page=-1&page=99999", { slug: "textiles" });
    expect(odd.status).toBe(200);
    expect(odd.data?.page).toBe(1);
    expect(odd.data?.query).toEqual({ sort: "new", cert: null, ship: null });
    expect(odd.data?.nextSearch).toMatch(/^\?after=/);
  });

  it("follow the next link to page 2 and 3 and the previous link back, and answer 404 for a page past the end", async () => {
    const first = await loaderStatus(categoryRoute, "http://t/categories/textiles?sort=price-asc", { slug: "textiles" });
    const second = await loaderStatus(categoryRoute, `http://t/categories/textiles${first.data!.nextSearch}`, { slug: "textiles" });
    expect(second.status).toBe(200);
    expect(second.data?.page).toBe(2);
    expect(second.data?.products[0].slug).not.toBe(first.data?.products[0].slug);
    expect(second.data?.previousSearch).toBe("?sort=price-asc"); // page 2 goes back to the plain first page
    expect(first.data?.previousSearch).toBeNull();
    const third = await loaderStatus(categoryRoute, `http://t/categories/textiles${second.data!.nextSearch}`, { slug: "textiles" });
    expect(third.data?.previousSearch).toMatch(/^\?sort=price-asc&before=/);
    expect(third.data?.firstSearch).toBe("?sort=price-asc");
    const backToSecond = await loaderStatus(categoryRoute, `http://t/categories/textiles${third.data!.previousSearch}`, { slug: "textiles" });
    expect(backToSecond.data?.page).toBe(2);
    expect(backToSecond.data?.products.map((p) => p.slug)).toEqual(second.data?.products.map((p) => p.slug));
    const pastEnd = encodeCursor({ s: "price-asc", v: 2_000_000_000, id: "zzzz", p: 9 });
    expect((await loaderStatus(categoryRoute, `http://t/categories/textiles?sort=price-asc&after=${pastEnd}`, { slug: "textiles" })).status).toBe(404);
  });
});

describe("home", () => {
  it("shows the published collections in their order, items in theirs", async () => {
    const collections = await homeCollections({ itemsEach: 8 });
    expect(collections.map((c) => c.slug)).toEqual(demoCollections.map((c) => c.slug));
    expect(collections[0].products.map((p) => p.slug)).toEqual(demoCollections[0].items);
    await db().collection.update({ where: { slug: demoCollections[1].slug }, data: { published: false } });
    expect((await homeCollections({ itemsEach: 8 })).map((c) => c.slug)).not.toContain(demoCollections[1].slug);
    await db().collection.update({ where: { slug: demoCollections[1].slug }, data: { published: true } });
  });

  it("gives each live collection a page with all its products a buyer can open, in order", async () => {
    const [first] = demoCollections;
    type Page = Awaited<ReturnType<typeof collectionRoute.loader>>;
    const open = async (url: string, params: Record<string, string>) => (await loaderStatus(collectionRoute, url, params)) as unknown as { status: number; data: Page | null };
    const thai = await open(`http://t/collections/${first.slug}`, { slug: first.slug });
    expect(thai.status).toBe(200);
    expect(thai.data!.products.map((p) => p.slug)).toEqual(first.items);
    const english = await open(`http://t/en/collections/${first.slug}`, { slug: first.slug, lang: "en" });
    expect(english.data!.title).toBe(first.titleEn);
    expect(JSON.stringify(english.data)).not.toMatch(/titleTh|descriptionTh|"variants"/);

    // A product taken off sale leaves the page; a collection taken off the home page has no page.
    const [hidden] = first.items;
    await db().product.update({ where: { slug: hidden }, data: { status: "ARCHIVED" } });
    try {
      expect((await collectionPage(first.slug))!.products.map((p) => p.slug)).not.toContain(hidden);
    } finally {
      await db().product.update({ where: { slug: hidden }, data: { status: "ACTIVE" } });
    }
    await db().collection.update({ where: { slug: first.slug }, data: { published: false } });
    try {
      expect((await open(`http://t/collections/${first.slug}`, { slug: first.slug })).status).toBe(404);
      expect(await liveCollectionSlugs()).not.toContain(first.slug);
    } finally {
      await db().collection.update({ where: { slug: first.slug }, data: { published: true } });
    }
    expect(await liveCollectionSlugs()).toContain(first.slug);
    for (const slug of ["no-such-collection", "Bad%20Slug", "../x"]) expect((await open(`http://t/collections/${slug}`, { slug })).status).toBe(404);
    expect((await open(`http://t/xx/collections/${first.slug}`, { slug: first.slug, lang: "xx" })).status).toBe(404);
  });

  it("keeps the chosen province's groups when its region has hundreds of others", async () => {
    // Names that sort before every real one, in a neighbouring province of the same region.
    const template = await db().occupationGroup.findFirstOrThrow({ where: { slug: "yang-talat-rice" } });
    const { id: _id, slug: _slug, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = template;
    await db().occupationGroup.createMany({
      data: Array.from({ length: 250 }, (_, i) => ({ ...fields, slug: `near-test-${i}`, nameTh: `กก ${String(i).padStart(3, "0")}` })),
    });
    try {
      const near = await groupsNear({ provinceSlug: "khon-kaen", limit: 12 });
      expect(near.own.map((g) => g.slug).sort()).toEqual(["chonnabot-mudmee", "tha-phra-women"]);
      expect(near.region).toHaveLength(10);
    } finally {
      await db().occupationGroup.deleteMany({ where: { slug: { startsWith: "near-test-" } } });
    }
  });

  it("lists groups in the chosen province first, then the rest of its region", async () => {
    const near = await groupsNear({ provinceSlug: "khon-kaen", limit: 12 });
    expect(near.own.map((g) => g.slug).sort()).toEqual(["chonnabot-mudmee", "tha-phra-women"]);
    expect(near.region.map((g) => g.slug)).toContain("yang-talat-rice"); // Kalasin, also in the northeast
    expect(near.region.every((g) => g.province.slug !== "khon-kaen")).toBe(true);
    expect(near.region.map((g) => g.province.slug)).not.toContain("chiang-mai");
  });
});

describe("the group directory", () => {
  type Directory = Awaited<ReturnType<typeof directoryRoute.loader>>;
  const directory = async (url: string, lang?: string) => (await loaderStatus(directoryRoute, url, lang ? { lang } : {})) as unknown as { status: number; data: Directory | null };

  it("lists every verified group once, a page of 24 at a time, by name", async () => {
    const verified = await db().occupationGroup.count({ where: { verificationStatus: "VERIFIED" } });
    const first = await directory("http://t/groups");
    expect(first.status).toBe(200);
    expect(first.data!.total).toBe(verified);
    expect(first.data!.groups).toHaveLength(Math.min(24, verified));
    expect(first.data!.isVariant).toBe(false);
    const seen = [...first.data!.groups.map((group) => group.slug)];
    for (let page = 2; page <= first.data!.pageCount; page++) {
      const next = await directory(`http://t/groups?page=${page}`);
      expect(next.data!.isVariant).toBe(true);
      seen.push(...next.data!.groups.map((group) => group.slug));
    }
    expect(seen).toHaveLength(verified);
    expect(new Set(seen).size).toBe(verified);
  });

  it("shows each card in the page's language only, with a picture", async () => {
    const english = (await directory("http://t/en/groups", "en")).data!;
    const krajood = english.groups.find((group) => group.slug === "ban-thon-krajood") ?? (await directory("http://t/en/groups?page=2", "en")).data!.groups.find((group) => group.slug === "ban-thon-krajood");
    expect(krajood).toMatchObject({ name: { text: "Ban Thon Krajood Weavers" }, village: { text: expect.any(String) }, province: "Narathiwat" });
    expect(krajood!.picture).toBeDefined();
    expect(JSON.stringify(english)).not.toMatch(/nameTh|villageTh/);
  });

  it("answers 404 for a page that is not a page number or lies past the last page", async () => {
    for (const query of ["page=0", "page=abc", "page=-1", "page=1.5", "page=99999", "page=50"]) {
      expect((await directory(`http://t/groups?${query}`)).status, query).toBe(404);
    }
    expect((await directory("http://t/xx/groups", "xx")).status).toBe(404);
  });
});

describe("the home page's weight", () => {
  it("lists a dozen groups (the directory has the rest) and sends each card in one language", async () => {
    const home = (await homeRoute.loader({ request: new Request("http://t/en"), params: { lang: "en" }, context: {} } as never)) as unknown as { data: Awaited<ReturnType<typeof homeRoute.loader>>["data"] };
    expect(home.data.groups).toHaveLength(4);
    // A few of each list, each with the way to the rest: the page weighs the same at any catalog size.
    expect(home.data.products).toHaveLength(4);
    for (const collection of home.data.collections) {
      expect(collection.products).toHaveLength(Math.min(4, collection.productCount));
      expect(collection.title).not.toMatch(/[\u0E00-\u0E7F]/);
    }
    expect(home.data.collections[0].productCount).toBe(demoCollections[0].items.length);
    const card = home.data.products[0];
    expect(Object.keys(card).sort()).toEqual(expect.arrayContaining(["slug", "title", "priceSatang", "unit", "picture"]));
    expect(JSON.stringify(home.data.collections.flatMap((collection) => collection.products))).not.toMatch(/titleTh|unitTh|"variants"/);
  });
});

describe("counting a large category", () => {
  it("stops at the cap and says so, while paging goes on past it", async () => {
    const template = await db().product.findFirstOrThrow({ where: { category: { slug: "drinks" } } });
    const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = template;
    const extra = COUNT_CAP_PAGES * PAGE_SIZE + 30;
    await db().product.createMany({
      data: Array.from({ length: extra }, (_, i) => ({ ...fields, slug: `bulk-drink-${i}`, createdAt: new Date(Date.UTC(2020, 0, 1, 0, i)) })),
    });
    const first = await categoryListing("drinks", query());
    expect(first.totalIsExact).toBe(false);
    expect(first.total).toBe(COUNT_CAP_PAGES * PAGE_SIZE);
    expect(first.pageCount).toBe(COUNT_CAP_PAGES);

    let page = first;
    while (page.next && page.page <= COUNT_CAP_PAGES) page = await categoryListing("drinks", { ...query(), after: page.next });
    expect(page.page).toBe(COUNT_CAP_PAGES + 1);
    expect(page.products.length).toBeGreaterThan(0);
    expect(page.pageCount).toBeGreaterThanOrEqual(page.page);
  });
});
