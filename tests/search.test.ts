/**
 * Search against the real database: the outbox carries product and stock changes into the
 * built-in index (and keeps them for retry when the engine fails), the database fallback answers
 * with filters, and the search route answers any query string with a normal page.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { groupProductsChanged, productsChanged } from "~/modules/catalog/changes.server";
import { searchSyncHandler, useSearchEngine } from "~/modules/catalog/search.server";
import { setStock } from "~/modules/catalog/stock.server";
import { setShippingMethodActive } from "~/modules/shipping/methods.server";
import { visibleProducts } from "~/modules/catalog/visibility";
import { BACKOFF_BASE_MS, deliverDue } from "~/modules/outbox/worker.server";
import * as searchRoute from "~/routes/($lang).search";
import * as suggestRoute from "~/routes/($lang).search_.suggest";
import { createBuiltinEngine } from "#search/builtin/engine.ts";
import { rebuildSearchIndex } from "#search/engines.server.ts";
import { fallbackSearch } from "#search/fallback.ts";
import { PICKUP_KINDS } from "#search/document.ts";
import { type SearchEngine, type SearchQuery, parseSearchQuery } from "#search/port.ts";
import { demoAccounts } from "../prisma/seed/demo";
import { userByEmail } from "./helpers";

const scarf = "lamphun-brocade-silk-scarf-lac-red";
const engine = createBuiltinEngine();

/** An engine whose writes fail, as Meilisearch does when it is down. */
function brokenEngine(): SearchEngine {
  const fail = async () => {
    throw new Error("connect ECONNREFUSED 127.0.0.1:7700");
  };
  return { ...engine, name: "broken", index: fail, remove: fail, search: fail, suggest: fail, ping: async () => false, init: fail, clear: fail, replaceAll: fail };
}

/** One outbox delivery round for search, with `through` as the process's engine. */
async function deliverSearchSync(through: SearchEngine) {
  useSearchEngine(through, { ready: true });
  try {
    return await deliverDue(db(), searchSyncHandler);
  } finally {
    useSearchEngine(engine, { ready: true });
  }
}

const pendingSearchSync = () => db().outboxMessage.count({ where: { topic: "SEARCH_SYNC", processedAt: null } });

async function hit(slug: string) {
  const results = await engine.search({ q: "silk scarf", perPage: 48 });
  return results.hits.find((h) => h.slug === slug)?.document;
}

beforeAll(async () => {
  await db().outboxMessage.deleteMany();
  const { indexed } = await rebuildSearchIndex(db(), engine, { batchSize: 7 });
  expect(indexed).toBe(await db().product.count({ where: visibleProducts }));
  useSearchEngine(engine, { ready: true });
});

describe("the outbox keeps the index in sync", () => {
  it("carries a stock change into the built-in index", async () => {
    expect((await hit(scarf))?.inStock).toBe(true);
    const product = await db().product.findUniqueOrThrow({ where: { slug: scarf }, include: { group: true } });
    const owner = await userByEmail(demoAccounts.ownerOf(product.group.slug).email);
    await setStock({ groupId: product.groupId, productId: product.id, stock: 0, actorId: owner.id });
    expect((await hit(scarf))?.inStock).toBe(true); // not yet delivered

    const report = await deliverSearchSync(engine);
    expect(report).toMatchObject({ claimed: 1, done: 1, failed: 0 });
    expect((await hit(scarf))?.inStock).toBe(false);
    expect(await pendingSearchSync()).toBe(0);
  });

  it("removes an archived product", async () => {
    const slug = "sungai-padi-batik-silk-scarf-lac-red";
    expect(await hit(slug)).toBeDefined();
    await db().$transaction(async (tx) => {
      await tx.product.update({ where: { slug }, data: { status: "ARCHIVED" } });
      await productsChanged(tx, [slug]);
    });
    expect(await deliverSearchSync(engine)).toMatchObject({ done: 1 });
    expect(await hit(slug)).toBeUndefined();
  });

  it("leaves a message for retry with backoff and lastError when the engine fails, then delivers it", async () => {
    const slug = "lamphun-brocade-silk-scarf-indigo";
    await db().$transaction(async (tx) => {
      await tx.product.update({ where: { slug }, data: { priceSatang: 55_500 } });
      await productsChanged(tx, [slug]);
    });
    const before = Date.now();
    expect(await deliverSearchSync(brokenEngine())).toMatchObject({ claimed: 1, failed: 1, done: 0 });
    const failed = await db().outboxMessage.findFirstOrThrow({ where: { topic: "SEARCH_SYNC", processedAt: null } });
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain("ECONNREFUSED");
    expect(failed.lockedUntil).toBeNull();
    expect(failed.availableAt.getTime()).toBeGreaterThanOrEqual(before + BACKOFF_BASE_MS - 50);
    // Not due yet: a second run right away leaves it alone.
    expect(await deliverSearchSync(engine)).toMatchObject({ claimed: 0 });

    await db().outboxMessage.update({ where: { id: failed.id }, data: { availableAt: new Date(Date.now() - 1) } });
    expect(await deliverSearchSync(brokenEngine())).toMatchObject({ failed: 1 });
    const again = await db().outboxMessage.findUniqueOrThrow({ where: { id: failed.id } });
    expect(again.attempts).toBe(2);
    expect(again.availableAt.getTime() - Date.now()).toBeGreaterThan(BACKOFF_BASE_MS * 1.5);

    await db().outboxMessage.update({ where: { id: failed.id }, data: { availableAt: new Date(Date.now() - 1) } });
    expect(await deliverSearchSync(engine)).toMatchObject({ done: 1 });
    const done = await db().outboxMessage.findUniqueOrThrow({ where: { id: failed.id } });
    expect(done.processedAt).not.toBeNull();
    expect(done.lastError).toBeNull();
    expect((await hit(slug))?.priceSatang).toBe(55_500);
  });

  it("enqueues every product of a group, and drops them all when the group is suspended", async () => {
    const group = await db().occupationGroup.findUniqueOrThrow({ where: { slug: "lamphun-brocade" }, include: { products: true } });
    const active = group.products.filter((p) => p.status === "ACTIVE");
    expect(active.length).toBeGreaterThan(1);
    const findable = async (product: (typeof active)[number]) =>
      (await engine.search({ q: product.titleEn, lang: "en", perPage: 48 })).hits.some((h) => h.slug === product.slug);
    for (const product of active) expect(await findable(product)).toBe(true);
    await db().$transaction(async (tx) => {
      await tx.occupationGroup.update({ where: { id: group.id }, data: { verificationStatus: "SUSPENDED" } });
      await groupProductsChanged(tx, group.id);
    });
    const message = await db().outboxMessage.findFirstOrThrow({ where: { topic: "SEARCH_SYNC", processedAt: null } });
    expect((message.payload as { productSlugs: string[] }).productSlugs.sort()).toEqual(group.products.map((p) => p.slug).sort());
    expect(await deliverSearchSync(engine)).toMatchObject({ done: 1 });
    for (const product of active) expect(await findable(product)).toBe(false);
    // Verified again, through the outbox as any change would be, so later tests see the whole catalog.
    await db().$transaction(async (tx) => {
      await tx.occupationGroup.update({ where: { id: group.id }, data: { verificationStatus: "VERIFIED" } });
      await groupProductsChanged(tx, group.id);
    });
    expect(await deliverSearchSync(engine)).toMatchObject({ done: 1 });
    for (const product of active) expect(await findable(product)).toBe(true);
  });
});

describe("ships to my province, pickup near me", () => {
  const context = { clientAddress: "127.0.0.1" };
  const pickups = [...PICKUP_KINDS];
  type Loaded = { data: { total: number; cards: { slug: string }[]; delivery: string | null; query: SearchQuery } };
  const load = async (query: string) =>
    ((await searchRoute.loader({ request: new Request(`http://t/search?${query}`), params: {}, context })) as unknown as Loaded).data;
  const slugsWhere = async (group: object) =>
    (await db().product.findMany({ where: { AND: [visibleProducts, { group }] }, select: { slug: true } })).map((p) => p.slug).sort();
  const everySlug = async (query: string) => {
    const slugs: string[] = [];
    for (let page = 1; ; page++) {
      const data = await load(`${query}&page=${page}`);
      slugs.push(...data.cards.map((card) => card.slug));
      if (slugs.length >= data.total || data.cards.length === 0) return slugs.sort();
    }
  };

  it("narrow the page, the engine and the fallback alike, and follow a group's shipping changes", async () => {
    const withPickup = await db().occupationGroup.findFirstOrThrow({
      where: { shipping: { some: { active: true, kind: { in: pickups } } }, products: { some: visibleProducts } },
      include: { province: true },
      orderBy: { slug: "asc" },
    });
    const province = withPickup.province.slug;
    const pickupHere = await slugsWhere({ province: { slug: province }, shipping: { some: { active: true, kind: { in: pickups } } } });
    const ships = await slugsWhere({ shipping: { some: { active: true, kind: { notIn: pickups } } } });
    const all = await db().product.count({ where: visibleProducts });
    expect(pickupHere.length).toBeGreaterThan(0);
    expect(ships.length).toBeGreaterThan(0);
    expect(ships.length).toBeLessThanOrEqual(all);

    expect(await everySlug(`near=${province}&delivery=pickup`)).toEqual(pickupHere);
    expect(await everySlug(`near=${province}&delivery=ships`)).toEqual(ships);
    // Pickup with no province chosen narrows nothing and says so; an unknown province is dropped.
    expect(await load("delivery=pickup")).toMatchObject({ total: all, delivery: "pickup" });
    expect(await load("near=atlantis&delivery=pickup")).toMatchObject({ total: all });
    const fallback = await fallbackSearch(db(), parseSearchQuery({ perPage: 48, filters: { pickupIn: province, near: province } }));
    expect(fallback.total).toBe(pickupHere.length);
    expect(fallback.facets.delivery.pickup).toBe(pickupHere.length);

    // The group stops offering pickup: its products leave "pickup near me" once the outbox delivers.
    const owner = await userByEmail(demoAccounts.ownerOf(withPickup.slug).email);
    const methods = await db().shippingMethod.findMany({ where: { groupId: withPickup.id, active: true, kind: { in: pickups } } });
    for (const method of methods) await setShippingMethodActive({ groupId: withPickup.id, actorId: owner.id, methodId: method.id, active: false });
    expect(await pendingSearchSync()).toBeGreaterThan(0);
    await deliverSearchSync(engine);
    const own = new Set(await slugsWhere({ id: withPickup.id }));
    const after = await everySlug(`near=${province}&delivery=pickup`);
    expect(after).toEqual(pickupHere.filter((slug) => !own.has(slug)));
    for (const method of methods) await setShippingMethodActive({ groupId: withPickup.id, actorId: owner.id, methodId: method.id, active: true });
    await deliverSearchSync(engine);
    expect(await everySlug(`near=${province}&delivery=pickup`)).toEqual(pickupHere);
  });
});

describe("the database fallback", () => {
  it("finds products by Thai and English words, with filters and sorts", async () => {
    const thai = await fallbackSearch(db(), parseSearchQuery({ q: "ผ้าพันคอ" }));
    expect(thai.total).toBeGreaterThan(0);
    expect(thai.hits.every((h) => h.document.titleTh.includes("ผ้าพันคอ"))).toBe(true);

    const english = await fallbackSearch(db(), parseSearchQuery({ q: "Silk  Scarf", sort: "price-asc" }));
    expect(english.total).toBe(thai.total);
    const prices = english.hits.map((h) => h.document.priceSatang);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(english.facets.category).toEqual({ textiles: english.total });
    expect(english.priceRange?.min).toBe(prices[0]);

    const filtered = await fallbackSearch(db(), parseSearchQuery({ q: "coffee", filters: { category: ["drinks"], availability: "ready", priceMaxSatang: 30_000 } }));
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.hits.every((h) => h.document.inStock && h.document.priceSatang <= 30_000 && h.document.categorySlug === "drinks")).toBe(true);
    expect((await fallbackSearch(db(), parseSearchQuery({ q: "coffee", filters: { category: ["textiles"] } }))).total).toBe(0);
  });

  it("treats LIKE wildcards as plain characters", async () => {
    expect((await fallbackSearch(db(), parseSearchQuery({ q: "%" }))).total).toBe(0);
    expect((await fallbackSearch(db(), parseSearchQuery({ q: "_" }))).total).toBe(0);
  });
});

describe("the search route", () => {
  const context = { clientAddress: "127.0.0.1" };
  type Loaded = {
    data: { total: number; cards: unknown[]; degraded: boolean; didYouMean: string | null; query: SearchQuery };
    init: { headers: Record<string, string> };
  };
  const load = async (query: string, lang?: string) =>
    (await searchRoute.loader({ request: new Request(`http://t/search?${query}`), params: lang ? { lang } : {}, context })) as unknown as Loaded;

  it("answers odd input with a normal page", async () => {
    // A normal page: the engine's answer for a sane reading of the URL, with its cards.
    const forSale = new Set((await db().product.findMany({ where: visibleProducts, select: { slug: true } })).map((p) => p.slug));
    const all = forSale.size;
    const silk = (await load("q=silk")).data.total;
    expect(silk).toBeGreaterThan(0);
    expect(silk).toBeLessThan(all);
    const cases: { query: string; q: string; page: number; total: number }[] = [
      { query: "q=", q: "", page: 1, total: all },
      { query: "", q: "", page: 1, total: all },
      { query: `q=${"x".repeat(5000)}`, q: "x".repeat(200), page: 1, total: 0 },
      // NUL is a space to a shopper; punctuation alone is no word, so it finds nothing (not everything).
      { query: "q=%00'%22(){}", q: `'"(){}`, page: 1, total: 0 },
      { query: "q=%00%20%E2%80%AE", q: "", page: 1, total: all },
      { query: "q=silk&category=no-such-thing", q: "silk", page: 1, total: silk },
      { query: "page=-1", q: "", page: 1, total: all },
      { query: "page=999999", q: "", page: Math.ceil(all / 24), total: all },
      { query: "q=silk&min=abc&max=abc", q: "silk", page: 1, total: silk },
      { query: "sort=%27;DROP", q: "", page: 1, total: all },
      { query: "availability[]=1&category=%00", q: "", page: 1, total: all },
    ];
    for (const expected of cases) {
      const { data, init } = await load(expected.query);
      expect(init.headers["X-Robots-Tag"], expected.query).toBe("noindex");
      expect({ q: data.query.q, page: data.query.page, total: data.total, degraded: data.degraded }, expected.query).toEqual({
        q: expected.q,
        page: expected.page,
        total: expected.total,
        degraded: false,
      });
      // The page's cards: as many as fit on it, each a different product for sale.
      const slugs = (data.cards as { slug: string }[]).map((card) => card.slug);
      expect(slugs, expected.query).toHaveLength(Math.min(24, expected.total - (expected.page - 1) * 24));
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const slug of slugs) expect(forSale.has(slug), slug).toBe(true);
    }
    const odd = (await load("sort=%27;DROP&availability[]=1&min=abc&max=-5")).data.query;
    expect(odd.sort).toBe("relevance");
    expect([odd.filters.availability, odd.filters.priceMinSatang, odd.filters.priceMaxSatang]).toEqual([undefined, undefined, undefined]);
  });

  it("widens an unknown filter value and shows the last page past the end", async () => {
    expect((await load("q=silk&category=no-such-thing")).data.total).toBe((await load("q=silk")).data.total);
    const past = await load("page=999999");
    expect(past.data.cards.length).toBeGreaterThan(0);
    expect(past.data.query.page).toBeGreaterThan(1);
  });

  it("offers a correction for a typo in English", async () => {
    const result = await load("q=cofee", "en");
    expect(result.data.didYouMean).toBe("coffee");
    expect(result.data.total).toBeGreaterThan(0);
  });

  it("falls back to the database with a notice when the engine fails", async () => {
    useSearchEngine(brokenEngine(), { ready: true });
    try {
      const result = await load("q=ผ้าพันคอ");
      expect(result.data.degraded).toBe(true);
      expect(result.data.total).toBeGreaterThan(0);
      const response = await suggestRoute.loader({ request: new Request("http://t/search/suggest?q=กาแฟ"), params: {}, context });
      const suggestions = (await response.json()) as { suggestions: { text: string }[] };
      expect(suggestions.suggestions.length).toBeGreaterThan(0);
    } finally {
      useSearchEngine(engine, { ready: true });
    }
  });

  it("suggests titles in the page's language", async () => {
    const response = await suggestRoute.loader({ request: new Request("http://t/en/search/suggest?q=cof&limit=abc"), params: { lang: "en" }, context });
    const { suggestions } = (await response.json()) as { suggestions: { text: string; href: string }[] };
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions[0].text).toMatch(/coffee/i);
    expect(suggestions[0].href).toMatch(/^\/en\/products\//);
  });
});
