import { describe, expect, it } from "vitest";
import { PageCache, isShareable, pageCacheKey } from "./page-cache.server";

const request = (over: Partial<Parameters<typeof pageCacheKey>[0]> = {}) => ({
  method: "GET",
  host: "shop.example",
  path: "/products/ban-thon-krajood-krajood-mat",
  search: "",
  cookies: {},
  ...over,
});

describe("pageCacheKey", () => {
  it("shares storefront pages among signed-out visitors, in both languages", () => {
    for (const path of ["/", "/en", "/en/products/x", "/groups/g", "/categories/food", "/provinces/nan", "/products/x.data", "/_root.data"]) {
      expect(pageCacheKey(request({ path })), path).not.toBeNull();
    }
  });

  it("never shares a signed-in page, a mutation, or pages outside the storefront", () => {
    expect(pageCacheKey(request({ cookies: { __session: "abc" } }))).toBeNull();
    expect(pageCacheKey(request({ method: "POST" }))).toBeNull();
    for (const path of ["/signin", "/en/signup", "/groups/g/manage", "/staff", "/search", "/healthz", "/products/x/y"]) {
      expect(pageCacheKey(request({ path })), path).toBeNull();
    }
  });

  it("keeps apart what shapes the page: host, query and remembered province", () => {
    const keys = new Set([
      pageCacheKey(request()),
      pageCacheKey(request({ host: "other.example" })),
      pageCacheKey(request({ search: "?sort=price-asc" })),
      pageCacheKey(request({ cookies: { province: "nan" } })),
    ]);
    expect(keys.size).toBe(4);
    expect(pageCacheKey(request({ cookies: { csrf: "t" } }))).toBe(pageCacheKey(request()));
    expect(pageCacheKey(request({ cookies: { "__Host-csrf": "t" } }))).toBe(pageCacheKey(request()));
  });
});

describe("isShareable", () => {
  it("keeps only plain 200 responses that set no cookie", () => {
    expect(isShareable(200, new Headers({ "content-type": "text/html" }))).toBe(true);
    expect(isShareable(200, new Headers({ "set-cookie": "a=b" }))).toBe(false);
    expect(isShareable(404, new Headers())).toBe(false);
  });
});

describe("PageCache", () => {
  const page = (text: string) => ({ status: 200, headers: [] as [string, string][], body: Buffer.from(text), expiresAt: 0 });

  it("forgets pages after their time", () => {
    let now = 0;
    const cache = new PageCache({ ttlMs: 1000, maxEntries: 10, maxBytes: 1_000_000, now: () => now });
    cache.set("a", page("A"));
    now = 999;
    expect(cache.get("a")?.body.toString()).toBe("A");
    now = 1000;
    expect(cache.get("a")).toBeUndefined();
  });

  it("drops the least recently used page when full", () => {
    const cache = new PageCache({ ttlMs: 60_000, maxEntries: 2, maxBytes: 1_000_000 });
    cache.set("a", page("A"));
    cache.set("b", page("B"));
    cache.get("a");
    cache.set("c", page("C"));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("c")).toBeDefined();
  });

  it("stays within its byte budget and gzips a page once", () => {
    const cache = new PageCache({ ttlMs: 60_000, maxEntries: 100, maxBytes: 1000 });
    for (let i = 0; i < 20; i++) cache.set(`p${i}`, page("x".repeat(90)));
    expect(cache.size).toBeLessThanOrEqual(11);
    const entry = cache.get("p19")!;
    const gzip = cache.gzipOf(entry);
    expect(cache.gzipOf(entry)).toBe(gzip);
  });

  it("does not count the gzip of a response it never kept (a 404 or a page that set a cookie)", () => {
    const cache = new PageCache({ ttlMs: 60_000, maxEntries: 100, maxBytes: 1000 });
    // Thousands of uncached misses, each compressed on its way out.
    for (let i = 0; i < 2000; i++) cache.gzipOf(page(`not found ${i}`));
    cache.set("home", page("x".repeat(90)));
    cache.set("product", page("y".repeat(90)));
    expect(cache.get("home")).toBeDefined();
    expect(cache.get("product")).toBeDefined();
  });

  it("keeps the gzip made for the response it stores", () => {
    const cache = new PageCache({ ttlMs: 60_000, maxEntries: 100, maxBytes: 1_000_000 });
    const entry = page("z".repeat(500));
    cache.set("p", entry);
    const gzip = cache.gzipOf(entry);
    expect(cache.gzipOf(cache.get("p")!)).toBe(gzip);
  });
});

describe("a page rendered across a clear", () => {
  const page = () => ({ status: 200, headers: [] as [string, string][], body: Buffer.from("<p>stock 3</p>"), expiresAt: 0 });

  it("is not kept: it was rendered from data the clear said had changed", () => {
    const cache = new PageCache({ ttlMs: 60_000, maxEntries: 10, maxBytes: 1_000_000 });
    const renderedAt = cache.generation;
    cache.clear(); // a stock change arrives while the page is being rendered
    cache.set("k", page(), renderedAt);
    expect(cache.get("k")).toBeUndefined();
  });

  it("is kept when nothing was cleared meanwhile", () => {
    const cache = new PageCache({ ttlMs: 60_000, maxEntries: 10, maxBytes: 1_000_000 });
    const renderedAt = cache.generation;
    cache.set("k", page(), renderedAt);
    expect(cache.get("k")?.body.toString()).toBe("<p>stock 3</p>");
  });
});
