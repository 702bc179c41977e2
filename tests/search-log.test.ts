/**
 * What buyers look for: the search page records searches without anything personal, notes the
 * product opened from them, forgets them after the retention limit, and the reports count them
 * for staff (top searches, top searches that found nothing or little) and for a group (searches
 * that found nothing in its categories or province).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { useSearchEngine } from "~/modules/catalog/search.server";
import { addDays, bangkokDay } from "~/modules/catalog/production-weeks";
import { forgetOldSearches, recordSearch } from "~/modules/search-log/log.server";
import { searchDemand, unmetSearchesForGroup } from "~/modules/search-log/report.server";
import * as searchRoute from "~/routes/($lang).search";
import * as openRoute from "~/routes/($lang).search_.open";
import { createBuiltinEngine } from "#search/builtin/engine.ts";
import { rebuildSearchIndex } from "#search/engines.server.ts";

const context = { clientAddress: "127.0.0.1" };
const browser = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36";

async function searchPage(query: string, options: { lang?: string; userAgent?: string } = {}) {
  const request = new Request(`http://t/search?${query}`, { headers: { "User-Agent": options.userAgent ?? browser, Cookie: "__session=someone" } });
  const loaded = (await searchRoute.loader({ request, params: options.lang ? { lang: options.lang } : {}, context })) as unknown as {
    data: { total: number; logId: string | null };
  };
  return loaded.data;
}

async function open(query: string, lang?: string): Promise<Response> {
  try {
    return (await openRoute.loader({ request: new Request(`http://t/search/open?${query}`), params: lang ? { lang } : {}, context })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

beforeEach(async () => {
  await db().searchLog.deleteMany();
  const engine = createBuiltinEngine();
  await rebuildSearchIndex(db(), engine);
  useSearchEngine(engine, { ready: true });
});

describe("the search log", () => {
  it("records a search as its words, language, result count, narrowing and day: nothing that points at a person", async () => {
    const page = await searchPage("q=Silk%20%20SCARF&category=textiles&near=khon-kaen&delivery=ships", { lang: "en" });
    expect(page.logId).toEqual(expect.any(String));
    const rows = await db().searchLog.findMany();
    expect(rows).toEqual([
      {
        id: page.logId,
        day: bangkokDay(new Date()),
        query: "silk scarf",
        lang: "en",
        resultCount: page.total,
        categorySlug: "textiles",
        provinceSlug: "khon-kaen",
        openedSlug: null,
      },
    ]);
    // The id is random: it says nothing about who searched, or when within the day.
    expect(page.logId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("records only a person's first page of a search with words in it", async () => {
    for (const query of ["q=silk&page=2", "q=", "", "q=%F0%9F%8D%9A%F0%9F%A7%B5", "q=%20%20"]) expect((await searchPage(query)).logId, query).toBeNull();
    expect((await searchPage("q=silk", { userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" })).logId).toBeNull();
    expect(await db().searchLog.count()).toBe(0);
    expect((await searchPage("q=qwxzzy")).total).toBe(0);
    expect(await db().searchLog.findMany({ select: { query: true, resultCount: true, lang: true } })).toEqual([{ query: "qwxzzy", resultCount: 0, lang: "th" }]);
  });

  it("notes the first product opened from a search and sends the browser to it", async () => {
    const { logId } = await searchPage("q=silk");
    const product = (await db().product.findFirstOrThrow({ where: { status: "ACTIVE" }, orderBy: { slug: "asc" } })).slug;
    const response = await open(`log=${logId}&product=${product}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/products/${product}`);
    const other = (await db().product.findFirstOrThrow({ where: { status: "ACTIVE", slug: { not: product } } })).slug;
    expect((await open(`log=${logId}&product=${other}`, "en")).headers.get("Location")).toBe(`/en/products/${other}`);
    expect((await db().searchLog.findUniqueOrThrow({ where: { id: logId! } })).openedSlug).toBe(product);
    // A link without a valid search id still arrives, and notes nothing.
    expect((await open(`log=not-an-id&product=${product}`)).status).toBe(302);
  });

  it("refuses a product that is not a slug with a 400 in the page's language, noting nothing", async () => {
    const { logId } = await searchPage("q=silk");
    for (const [query, lang, text] of [
      [`log=${logId}&product=//evil.example`, undefined, "ลิงก์สินค้านี้ไม่ถูกต้อง"],
      [`log=${logId}&product=`, "en", "This product link is not valid"],
      [`log=${logId}`, undefined, "ลิงก์สินค้านี้ไม่ถูกต้อง"],
    ] as const) {
      const response = await open(query, lang);
      expect(response.status, query).toBe(400);
      expect(await response.text()).toContain(text);
    }
    expect((await db().searchLog.findUniqueOrThrow({ where: { id: logId! } })).openedSlug).toBeNull();
  });

  it("forgets searches older than the retention limit, counted in Thai days", async () => {
    const now = new Date("2026-06-30T18:00:00Z"); // already 1 July in Thailand
    for (const daysAgo of [0, 29, 30, 31, 400]) await recordSearch({ q: `day ${daysAgo}`, lang: "th", resultCount: 1 }, new Date(now.getTime() - daysAgo * 86_400_000));
    expect(await forgetOldSearches(30, now)).toBe(2);
    expect((await db().searchLog.findMany({ orderBy: { day: "desc" } })).map((row) => row.query)).toEqual(["day 0", "day 29", "day 30"]);
    expect(await forgetOldSearches(30, now)).toBe(0);
  });
});

describe("the reports", () => {
  const now = new Date("2026-11-28T03:00:00Z");
  async function searches(count: number, entry: Parameters<typeof recordSearch>[0], daysAgo = 0) {
    for (let i = 0; i < count; i++) await recordSearch(entry, addDays(now, -daysAgo));
  }

  it("give staff the top searches, how often they led to a product, and the top that found nothing or little", async () => {
    await searches(5, { q: "ผ้าไหม", lang: "th", resultCount: 40 });
    await searches(4, { q: "ผ้าขาวม้าลายสก๊อต", lang: "th", resultCount: 0 });
    await searches(2, { q: "ผ้าขาวม้าลายสก๊อต", lang: "th", resultCount: 2 });
    await searches(3, { q: "kombucha", lang: "en", resultCount: 1 });
    await searches(9, { q: "old news", lang: "en", resultCount: 0 }, 40);
    const opened = await db().searchLog.findMany({ where: { query: "ผ้าไหม" }, take: 3 });
    await db().searchLog.updateMany({ where: { id: { in: opened.map((row) => row.id) } }, data: { openedSlug: "some-product" } });

    const demand = await searchDemand({ days: 30, now });
    expect(demand).toMatchObject({ days: 30, searches: 14, nothing: 4, poor: 5 });
    expect(demand.top).toEqual([
      { query: "ผ้าขาวม้าลายสก๊อต", searches: 6, opened: 0 },
      { query: "ผ้าไหม", searches: 5, opened: 3 },
      { query: "kombucha", searches: 3, opened: 0 },
    ]);
    expect(demand.unmet).toEqual([
      { query: "ผ้าขาวม้าลายสก๊อต", searches: 6, nothing: 4 },
      { query: "kombucha", searches: 3, nothing: 0 },
    ]);
    expect((await searchDemand({ days: 90, now })).unmet[0]).toEqual({ query: "old news", searches: 9, nothing: 9 });
  });

  it("give a group the searches that found nothing in its categories or its province", async () => {
    const group = await db().occupationGroup.findFirstOrThrow({
      where: { verificationStatus: "VERIFIED", products: { some: { status: "ACTIVE" } } },
      include: { province: true, products: { include: { category: true } } },
      orderBy: { slug: "asc" },
    });
    const category = group.products[0].category.slug;
    const elsewhere = await db().province.findFirstOrThrow({ where: { slug: { not: group.province.slug } } });
    const otherCategory = await db().category.findFirstOrThrow({ where: { products: { none: { groupId: group.id } } } });
    await searches(3, { q: "in its category", lang: "th", resultCount: 0, categorySlug: category });
    await searches(2, { q: "from its province", lang: "th", resultCount: 0, provinceSlug: group.province.slug });
    await searches(4, { q: "found something", lang: "th", resultCount: 2, categorySlug: category });
    await searches(5, { q: "other category", lang: "th", resultCount: 0, categorySlug: otherCategory.slug });
    await searches(5, { q: "other province", lang: "th", resultCount: 0, provinceSlug: elsewhere.slug });
    await searches(5, { q: "anywhere", lang: "th", resultCount: 0 });
    await searches(5, { q: "long ago", lang: "th", resultCount: 0, categorySlug: category }, 100);

    const hint = await unmetSearchesForGroup(group.id, { days: 90, now });
    expect(hint.province.slug).toBe(group.province.slug);
    expect(hint.categories.map((c) => c.slug)).toContain(category);
    expect(hint.categories.map((c) => c.slug)).not.toContain(otherCategory.slug);
    expect(hint.unmet).toEqual([
      { query: "in its category", searches: 3, nothing: 3 },
      { query: "from its province", searches: 2, nothing: 2 },
    ]);
  });
});
