import { describe, expect, it } from "vitest";
import { browseSearch, decodeCursor, encodeCursor, parseBrowseQuery } from "./browse-query";

const q = (text: string) => parseBrowseQuery(new URLSearchParams(text));

describe("parseBrowseQuery", () => {
  it("defaults to newest first with no filters", () => {
    expect(q("")).toEqual({ sort: "new", cert: null, ship: null, after: null, before: null });
  });

  it("reads known sorts and filters", () => {
    expect(q("sort=price-desc&cert=gi&ship=order")).toEqual({ sort: "price-desc", cert: "gi", ship: "order", after: null, before: null });
  });

  it("ignores odd values instead of failing", () => {
    expect(q("sort=DROP%20TABLE&cert=<script>&ship=1&page=-4&after=%%%")).toEqual({ sort: "new", cert: null, ship: null, after: null, before: null });
    expect(q("cert=tcps")).toMatchObject({ cert: null }); // a real badge, but not one buyers filter by
  });
});

describe("cursors", () => {
  it("round-trip", () => {
    const cursor = { s: "price-asc", v: 25_000, id: "ckabc123", p: 3 } as const;
    expect(decodeCursor(encodeCursor(cursor), "price-asc")).toEqual(cursor);
    const newest = { s: "new", t: 1_790_000_000_000, id: "ckxyz", p: 2 } as const;
    expect(decodeCursor(encodeCursor(newest), "new")).toEqual(newest);
  });

  it("are ignored when made for another sort", () => {
    const cursor = encodeCursor({ s: "price-asc", v: 25_000, id: "ckabc123", p: 3 });
    expect(decodeCursor(cursor, "price-desc")).toBeNull();
    expect(q(`after=${cursor}`).after).toBeNull(); // default sort is "new"
  });

  it("are ignored when tampered with or garbage", () => {
    expect(decodeCursor("bm90IGpzb24", "new")).toBeNull(); // "not json"
    expect(decodeCursor(Buffer.from(JSON.stringify({ s: "new", t: -5, id: "x", p: 2 })).toString("base64url"), "new")).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ s: "new", t: 5, id: "x", p: 1.5 })).toString("base64url"), "new")).toBeNull();
    expect(decodeCursor("a".repeat(500), "new")).toBeNull();
  });
});

describe("browseSearch", () => {
  it("leaves defaults out and keeps the rest", () => {
    expect(browseSearch({ sort: "new", cert: null, ship: null })).toBe("");
    const text = browseSearch({ sort: "price-asc", cert: "otop", ship: "ready", after: { s: "price-asc", v: 1, id: "a", p: 2 } });
    const back = parseBrowseQuery(new URLSearchParams(text.slice(1)));
    expect(back).toEqual({ sort: "price-asc", cert: "otop", ship: "ready", after: { s: "price-asc", v: 1, id: "a", p: 2 }, before: null });
  });

  it("carries a previous-page cursor in `before`, and `after` wins when a hand-edited link has both", () => {
    const cursor = { s: "price-desc", v: 9_900, id: "ckprev", p: 4 } as const;
    const text = browseSearch({ sort: "price-desc", cert: null, ship: null, before: cursor });
    expect(text).toMatch(/^\?sort=price-desc&before=/);
    expect(parseBrowseQuery(new URLSearchParams(text.slice(1)))).toMatchObject({ after: null, before: cursor });
    const both = q(`sort=price-desc&before=${encodeCursor(cursor)}&after=${encodeCursor({ ...cursor, p: 5 })}`);
    expect(both).toMatchObject({ after: { p: 5 }, before: null });
  });
});
