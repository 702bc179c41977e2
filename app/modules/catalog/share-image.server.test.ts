import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { cardText, pangoEscape, withWordBreaks, type ShareCardContent } from "./share-image";
import { CARD_HEIGHT, CARD_WIDTH, ShareImageCache, drawShareCard, shareCardKey } from "./share-image.server";

const mat: ShareCardContent = {
  brand: "ตลาดสัมมาชีพ",
  title: "เสื่อกระจูดทอมือ ลายดอกพิกุล",
  price: "฿455 / ผืน",
  lines: ["กลุ่มจักสานกระจูดบ้านทอน", "บ้านทอน · นราธิวาส"],
  photo: [],
  art: { seed: "ban-thon-krajood-krajood-mat", palette: "handicraft" },
};
const noFiles = async () => null;

async function pixels(png: Buffer) {
  return sharp(png).removeAlpha().raw().toBuffer();
}

describe("share cards", () => {
  it("are 1200×630 PNGs", async () => {
    const meta = await sharp(await drawShareCard(mat, noFiles)).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: "png", width: CARD_WIDTH, height: CARD_HEIGHT });
  });

  it("draw the cover photo when there is one, and the artwork when its file is gone", async () => {
    const red = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#d01010" } }).webp().toBuffer();
    const withPhoto = await drawShareCard({ ...mat, photo: ["images/x/1024.webp"] }, async (key) => (key === "images/x/1024.webp" ? red : null));
    const [r, g, b] = await sharp(withPhoto).extract({ left: 300, top: 300, width: 1, height: 1 }).removeAlpha().raw().toBuffer();
    expect(Math.abs(r - 0xd0) + Math.abs(g - 0x10) + Math.abs(b - 0x10)).toBeLessThan(30);
    const art = await drawShareCard(mat, noFiles);
    expect((await pixels(art)).equals(await pixels(withPhoto))).toBe(false);
    const lost = await drawShareCard({ ...mat, photo: ["images/gone/1024.webp"] }, noFiles);
    expect((await pixels(lost)).equals(await pixels(art))).toBe(true);
  });

  it("show their words: a different title is a different picture", async () => {
    const a = await pixels(await drawShareCard(mat, noFiles));
    const b = await pixels(await drawShareCard({ ...mat, title: "Krajood mat, woven by hand" }, noFiles));
    expect(a.equals(b)).toBe(false);
  });

  it("survive huge and odd titles: long Thai words, emoji, mixed scripts, markup", async () => {
    const odd = [
      "ก".repeat(500),
      "ผ้าไหมมัดหมี่ทอมือลายหมากจับสีธรรมชาติจากเปลือกไม้และครั่งของกลุ่มทอผ้าบ้านโนนสะอาดที่ยาวมากจนไม่มีที่เว้นวรรค",
      "🧺🌾 Krajood mat เสื่อกระจูด 👩🏽‍🌾 <b>&amp; \"quoted\" 'x' \u0000",
      "x".repeat(2000),
    ];
    for (const title of odd) {
      const png = await drawShareCard({ ...mat, title: cardText(title, 90), lines: mat.lines.map((line) => cardText(line + title, 80)) }, noFiles);
      expect((await sharp(png).metadata()).width).toBe(CARD_WIDTH);
    }
  });
});

describe("card text", () => {
  it("drops emoji and control characters, and cuts between graphemes with an ellipsis", () => {
    expect(cardText("🧺 เสื่อ 👩🏽‍🌾 กระจูด\u0000 🇹🇭", 90)).toBe("เสื่อ กระจูด");
    expect(cardText("กี่ที่นี่นะ", 3)).toBe("กี่ที่…");
    expect(Array.from(new Intl.Segmenter("th", { granularity: "grapheme" }).segment(cardText("ก".repeat(500), 90)))).toHaveLength(90);
  });

  it("marks where Thai words end, so a line breaks between words", () => {
    expect(withWordBreaks("เสื่อกระจูด mat")).toBe("เสื่อ\u200Bกระจูด mat");
  });

  it("escapes markup", () => {
    expect(pangoEscape(`<b>&'"`)).toBe("&lt;b&gt;&amp;&apos;&quot;");
  });

  it("key on everything they show", () => {
    expect(shareCardKey(mat)).toBe(shareCardKey({ ...mat }));
    expect(shareCardKey({ ...mat, price: "฿456 / ผืน" })).not.toBe(shareCardKey(mat));
    expect(shareCardKey({ ...mat, photo: ["images/a/1024.webp"] })).not.toBe(shareCardKey(mat));
  });
});

describe("the share card cache", () => {
  it("draws once per key, also when asked for many times at once", async () => {
    const drawn: string[] = [];
    const cache = new ShareImageCache();
    const draw = (key: string) => async () => {
      drawn.push(key);
      return Buffer.from(key);
    };
    const cards = await Promise.all([cache.png("a", draw("a")), cache.png("a", draw("a")), cache.png("b", draw("b"))]);
    await cache.png("a", draw("a"));
    expect(cards.map(String)).toEqual(["a", "a", "b"]);
    expect(drawn).toEqual(["a", "b"]);
  });

  it("keeps at most the given number, dropping the least recently used", async () => {
    const drawn: string[] = [];
    const cache = new ShareImageCache(2);
    const png = (key: string) =>
      cache.png(key, async () => {
        drawn.push(key);
        return Buffer.from(key);
      });
    await png("a");
    await png("b");
    await png("a"); // a is now the most recent
    await png("c"); // drops b
    await png("a");
    await png("b");
    expect(drawn).toEqual(["a", "b", "c", "b"]);
  });

  it("forgets a failed drawing so that the next request tries again", async () => {
    let attempts = 0;
    const cache = new ShareImageCache();
    const draw = async () => {
      attempts++;
      if (attempts === 1) throw new Error("sharp failed");
      return Buffer.from("ok");
    };
    await expect(cache.png("a", draw)).rejects.toThrow("sharp failed");
    expect(String(await cache.png("a", draw))).toBe("ok");
  });
});
