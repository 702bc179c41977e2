import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ShareImageCache, shareImages } from "./share-image.server";

describe("share images", () => {
  it("are 1200×630 PNGs", async () => {
    const meta = await sharp(await shareImages.png("ban-thon-krajood-krajood-mat", "handicraft")).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: "png", width: 1200, height: 630 });
  });

  it("are drawn once per card, also when asked for many times at once", async () => {
    const drawn: string[] = [];
    const cache = new ShareImageCache(async (slug, palette) => {
      drawn.push(`${palette}/${slug}`);
      return Buffer.from(slug);
    });
    const cards = await Promise.all([cache.png("a", "food"), cache.png("a", "food"), cache.png("b", "food")]);
    await cache.png("a", "food");
    expect(cards.map(String)).toEqual(["a", "a", "b"]);
    expect(drawn).toEqual(["food/a", "food/b"]);
  });

  it("keep at most the given number, dropping the least recently used", async () => {
    const drawn: string[] = [];
    const cache = new ShareImageCache(async (slug) => {
      drawn.push(slug);
      return Buffer.from(slug);
    }, 2);
    await cache.png("a", "p");
    await cache.png("b", "p");
    await cache.png("a", "p"); // a is now the most recent
    await cache.png("c", "p"); // drops b
    await cache.png("a", "p");
    await cache.png("b", "p");
    expect(drawn).toEqual(["a", "b", "c", "b"]);
  });

  it("forget a failed render so that the next request tries again", async () => {
    let attempts = 0;
    const cache = new ShareImageCache(async () => {
      attempts++;
      if (attempts === 1) throw new Error("sharp failed");
      return Buffer.from("ok");
    });
    await expect(cache.png("a", "p")).rejects.toThrow("sharp failed");
    expect(String(await cache.png("a", "p"))).toBe("ok");
  });
});
