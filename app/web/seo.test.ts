/** The meta every page one step below home shares (listingMeta): title, canonical, breadcrumb, and the 404's title. */
import { describe, expect, it } from "vitest";
import { listingMeta } from "./seo";

const matches = [{ id: "root", data: { origin: "https://sammachip.example" } }];
const find = (tags: ReturnType<typeof listingMeta>, key: string, value: string) => tags.find((tag) => (tag as Record<string, unknown>)[key] === value) as Record<string, unknown> | undefined;

describe("listingMeta", () => {
  it("titles a page with the site's name, points at its plain address and says home → page", () => {
    const tags = listingMeta("en", matches, (t) => ({ name: "Textiles", title: "Textiles from the villages", description: t("site.description"), path: "/categories/textiles", noindex: false }));
    expect(tags[0]).toEqual({ title: "Textiles from the villages · Sammachip Market" });
    expect(find(tags, "rel", "canonical")?.href).toBe("https://sammachip.example/en/categories/textiles");
    expect(find(tags, "name", "robots")).toBeUndefined();
    const jsonLd = tags.find((tag) => "script:ld+json" in tag) as { "script:ld+json": { itemListElement: { name: string; item: string }[] } };
    expect(jsonLd["script:ld+json"].itemListElement.map((item) => [item.name, item.item])).toEqual([
      ["Home", "https://sammachip.example/en"],
      ["Textiles", "https://sammachip.example/en/categories/textiles"],
    ]);
  });

  it("asks a sorted or paged view not to be indexed", () => {
    const tags = listingMeta("th", matches, () => ({ name: "ผ้า", title: "ผ้า", description: "ผ้าทอ", path: "/categories/textiles", noindex: true }));
    expect(find(tags, "name", "robots")?.content).toBe("noindex, follow");
    expect(find(tags, "rel", "canonical")?.href).toBe("https://sammachip.example/categories/textiles");
  });

  it("gives a page its loader did not find the 404's title in the page's language", () => {
    expect(listingMeta("th", matches, undefined)).toEqual([{ title: "ไม่พบหน้านี้ · ตลาดสัมมาชีพ" }]);
    expect(listingMeta("en", matches, null)[0]).toEqual({ title: expect.stringMatching(/ · Sammachip Market$/) });
  });
});
