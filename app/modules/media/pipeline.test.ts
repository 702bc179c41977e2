import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ImageRejectedError } from "./errors";
import { encodeImage, inspectImage, storageKeyFor, widthsFor } from "./pipeline.server";

const limits = { maxBytes: 2 * 1024 * 1024, maxPixels: 4_000_000 };

async function reason(promise: Promise<unknown>) {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    if (error instanceof ImageRejectedError) return error.reason;
    throw error;
  }
}

/** A photo as phones send it: sideways pixels with an orientation tag, and EXIF with a GPS position. */
async function phonePhoto(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Copyright: "Ban Thon farm", Artist: "Somchai" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "13/1 45/1 0/1" } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

describe("widthsFor", () => {
  it("never upscales and keeps the source width when it is narrower than the widest target", () => {
    expect(widthsFor(4000)).toEqual([320, 640, 1024]);
    expect(widthsFor(800)).toEqual([320, 640, 800]);
    expect(widthsFor(640)).toEqual([320, 640]);
    expect(widthsFor(200)).toEqual([200]);
  });
});

describe("inspectImage", () => {
  it("refuses text named like a photo, an empty file, a file over the size limit and a decompression bomb", async () => {
    expect(await reason(inspectImage(Buffer.from("not a photo at all, just text\n".repeat(20)), limits))).toBe("notAnImage");
    expect(await reason(inspectImage(Buffer.alloc(0), limits))).toBe("missing");
    expect(await reason(inspectImage(Buffer.alloc(limits.maxBytes + 1, 1), limits))).toBe("tooLarge");
    // 3000×3000 of one colour compresses to a few kB but decodes to 9 megapixels.
    const bomb = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: "#fff" } }).png().toBuffer();
    expect(bomb.length).toBeLessThan(100_000);
    expect(await reason(inspectImage(bomb, limits))).toBe("tooManyPixels");
  });

  it("refuses SVG from uploads (it may carry scripts and references) but takes it from trusted callers", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    expect(await reason(inspectImage(svg, limits))).toBe("unsupportedFormat");
    expect(await reason(inspectImage(svg, limits, { allowSvg: true }))).toBe("accepted");
  });
});

describe("encodeImage", () => {
  it("makes upright WebP and AVIF variants without EXIF or GPS", async () => {
    const photo = await phonePhoto(1600, 1200);
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const encoded = await encodeImage(photo, limits, { avifEffort: 0, webpEffort: 0 });
    expect([encoded.width, encoded.height]).toEqual([1024, 1365]);
    expect(encoded.variants.map((variant) => `${variant.format}:${variant.width}x${variant.height}`).sort()).toEqual(
      ["avif:1024x1365", "avif:320x427", "avif:640x853", "webp:1024x1365", "webp:320x427", "webp:640x853"],
    );
    for (const variant of encoded.variants) {
      const metadata = await sharp(variant.body).metadata();
      expect(metadata.format).toBe(variant.format === "avif" ? "heif" : "webp");
      if (variant.format === "avif") expect(metadata.compression).toBe("av1");
      expect([metadata.width, metadata.height]).toEqual([variant.width, variant.height]);
      expect(metadata.exif).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
    }
  });

  it("gives the same bytes the same key, and other settings another key", () => {
    const bytes = Buffer.from("same");
    expect(storageKeyFor(bytes)).toBe(storageKeyFor(Buffer.from("same")));
    expect(storageKeyFor(bytes)).not.toBe(storageKeyFor(Buffer.from("other")));
    expect(storageKeyFor(bytes, { widths: [320] })).not.toBe(storageKeyFor(bytes));
  });
});
