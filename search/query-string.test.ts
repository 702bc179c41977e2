import { describe, expect, it } from "vitest";
import { MAX_PAGE } from "./port.ts";
import { searchQueryFromUrl, searchUrlParams } from "./query-string.ts";

const parse = (query: string) => searchQueryFromUrl(new URLSearchParams(query), "th");

describe("searchQueryFromUrl", () => {
  it("reads every filter, converting baht to satang", () => {
    const query = parse("q=silk&category=textiles&category=food&province=khon-kaen&availability=ready&min=100&max=250.5&sort=price-asc&page=3");
    expect(query).toMatchObject({
      q: "silk",
      sort: "price-asc",
      page: 3,
      filters: { category: ["textiles", "food"], province: ["khon-kaen"], availability: "ready", priceMinSatang: 10_000, priceMaxSatang: 25_050 },
    });
  });

  it("ignores malformed values instead of failing", () => {
    const query = parse("q=%00'%22(){}&min=abc&max=-5&sort=cheapest&availability=soon&page=abc");
    expect(query.q).toBe(`'"(){}`);
    expect(query.filters.priceMinSatang).toBeUndefined();
    expect(query.filters.priceMaxSatang).toBeUndefined();
    expect(query.filters.availability).toBeUndefined();
    expect(query.sort).toBe("relevance");
    expect(query.page).toBe(1);
  });

  it("clamps pages and cuts long queries", () => {
    expect(parse("page=-1").page).toBe(1);
    expect(parse("page=999999").page).toBe(MAX_PAGE);
    expect(parse(`q=${"ก".repeat(5000)}`).q).toHaveLength(200);
  });

  it("reads delivery: ships to my province, or pickup in the province chosen", () => {
    expect(parse("near=khon-kaen&delivery=ships").filters).toMatchObject({ near: "khon-kaen", ships: true, pickupIn: undefined });
    expect(parse("near=khon-kaen&delivery=pickup").filters).toMatchObject({ near: "khon-kaen", ships: undefined, pickupIn: "khon-kaen" });
    // Pickup near no province narrows nothing; an odd province or choice is dropped.
    expect(parse("delivery=pickup").filters).toMatchObject({ ships: undefined, pickupIn: undefined });
    expect(parse("near=%27;DROP&delivery=pickup").filters).toMatchObject({ near: undefined, pickupIn: undefined });
    expect(parse("near=khon-kaen&delivery=drone").filters).toMatchObject({ near: "khon-kaen", ships: undefined, pickupIn: undefined });
    for (const url of ["near=khon-kaen&delivery=pickup", "near=chiang-mai&delivery=ships", "near=loei"]) {
      expect(parse(searchUrlParams(parse(url))), url).toEqual(parse(url));
    }
  });

  it("round-trips through searchUrlParams", () => {
    const query = parse("q=ผ้าไหม&category=textiles&min=50&sort=price-desc&page=2");
    expect(parse(searchUrlParams(query))).toEqual(query);
    expect(new URLSearchParams(searchUrlParams(query, { page: 1 })).get("page")).toBeNull();
  });
});
