/**
 * Photo uploads through the group workspace's real route action, with real
 * cookies and multipart bodies: what is stored (and what is not) on disk and
 * in the database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { inTransaction } from "~/db/transaction.server";
import { addProductPhoto, imageRowFor } from "~/modules/media/media.server";
import { placeholderKeyOf } from "~/modules/media/placeholders.server";
import * as manageRoute from "~/routes/($lang).groups.$slug_.manage.products.$productId";
import * as mediaRoute from "~/routes/media.$";
import { productPage } from "~/modules/catalog/catalog.server";
import { demoAccounts } from "../prisma/seed/demo";
import { cookiesFor, userByEmail } from "./helpers";

// This file's own media folder, so counting files is not disturbed by other test files.
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "sammachip-media-"));
process.env.MEDIA_DIR = mediaDir;
afterAll(() => fs.rmSync(mediaDir, { recursive: true, force: true }));

const krajood = "ban-thon-krajood";
const mudmee = "chonnabot-mudmee";
const matSlug = "ban-thon-krajood-krajood-mat";
const owner = (slug: string) => demoAccounts.ownerOf(slug).email;
const context = { clientAddress: "127.0.0.1" };

function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

async function snapshot(productId: string) {
  return {
    images: await db().image.count(),
    links: await db().productImage.count({ where: { productId } }),
    files: filesIn(mediaDir).length,
  };
}

async function upload(email: string, groupSlug: string, productId: string, file: { bytes: Buffer; name: string; type: string }) {
  const { cookie, csrf } = await cookiesFor(email);
  const form = new FormData();
  form.set("csrf", csrf);
  form.set("intent", "add-photo");
  form.set("photo", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  const request = new Request(`http://t/groups/${groupSlug}/manage/products/${productId}`, { method: "POST", headers: { Cookie: cookie }, body: form });
  return manageRoute.action({ request, params: { slug: groupSlug, productId }, context });
}

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

type Refusal = { data: { error: string; saved: boolean }; init: { status: number } };

async function product(slug = matSlug) {
  return db().product.findUniqueOrThrow({ where: { slug } });
}

/** A phone photo: sideways pixels with an orientation tag, EXIF with an author and a GPS position. */
function phonePhoto() {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 90, g: 140, b: 60 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: "Somchai" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "13/1 45/1 0/1" } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

describe("adding a product photo", () => {
  it("stores upright WebP and AVIF variants without EXIF, makes it the first image, audits and queues a search sync", async () => {
    const mat = await product();
    const before = await snapshot(mat.id);
    const { image: placeholder } = await db().productImage.findFirstOrThrow({ where: { productId: mat.id }, select: { image: true } });
    const bytes = await phonePhoto();
    expect((await sharp(bytes).metadata()).exif).toBeDefined();

    const result = await upload(owner(krajood), krajood, mat.id, { bytes, name: "IMG_0001.jpg", type: "image/jpeg" });
    expect(result).toMatchObject({ data: { saved: true, error: null } });

    const first = await db().productImage.findFirstOrThrow({ where: { productId: mat.id, position: 0 }, include: { image: true } });
    expect([first.image.width, first.image.height]).toEqual([1024, 1365]);
    expect(first.altTh).toBe(mat.titleTh);
    const variants = first.image.variants as { format: string; width: number; height: number; key: string; url: string }[];
    expect(variants.map((variant) => `${variant.format}:${variant.width}`).sort()).toEqual(
      ["avif:1024", "avif:320", "avif:640", "webp:1024", "webp:320", "webp:640"],
    );
    for (const variant of variants) {
      const file = fs.readFileSync(path.join(mediaDir, variant.key));
      const metadata = await sharp(file).metadata();
      expect(metadata.format).toBe(variant.format === "avif" ? "heif" : "webp");
      expect([metadata.width, metadata.height]).toEqual([variant.width, variant.height]);
      expect(metadata.exif).toBeUndefined();
      expect(variant.url).toBe(`/media/${variant.key}`);
    }
    // The demo artwork the seed linked gave its place to the photo: a gallery of one, not a photo then a pattern.
    expect(before.links).toBe(1);
    expect(placeholder.storageKey).toBe(placeholderKeyOf(matSlug, "handicraft"));
    expect((await snapshot(mat.id)).links).toBe(1);
    expect(await db().image.count({ where: { id: placeholder.id } })).toBe(0);

    const audit = await db().auditLog.findFirstOrThrow({ where: { subjectId: mat.id, action: "product.image.add" } });
    expect(audit.details).toMatchObject({ imageId: first.imageId });
    const outbox = await db().outboxMessage.findMany({ where: { topic: "SEARCH_SYNC" } });
    expect(outbox.some((message) => JSON.stringify(message.payload).includes(matSlug))).toBe(true);

    // What the product page selects, and what /media serves for it.
    const page = await productPage(matSlug);
    expect(page?.product.images[0].image.variants).toEqual(variants);
    const avif = variants.find((variant) => variant.format === "avif")!;
    const served = (await mediaRoute.loader({ request: new Request(`http://t${avif.url}`), params: { "*": avif.key }, context })) as Response;
    expect(served.headers.get("Content-Type")).toBe("image/avif");
    expect(served.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await served.arrayBuffer()).equals(fs.readFileSync(path.join(mediaDir, avif.key)))).toBe(true);
  });

  it("refuses a text file named .jpg and stores nothing", async () => {
    const mat = await product();
    const before = await snapshot(mat.id);
    const bytes = Buffer.from("This is a shopping list, not a photo.\n".repeat(50));
    const result = (await upload(owner(krajood), krajood, mat.id, { bytes, name: "photo.jpg", type: "image/jpeg" })) as Refusal;
    expect(result.init.status).toBe(400);
    expect(result.data).toMatchObject({ error: "media.errors.notAnImage", saved: false });
    expect(await snapshot(mat.id)).toEqual(before);
  });

  it("refuses a file over the size limit with a field error and stores nothing", async () => {
    const mat = await product();
    const before = await snapshot(mat.id);
    const bytes = Buffer.alloc(8 * 1024 * 1024 + 1, 0xff);
    const result = (await upload(owner(krajood), krajood, mat.id, { bytes, name: "huge.jpg", type: "image/jpeg" })) as Refusal;
    expect(result.init.status).toBe(413);
    expect(result.data).toMatchObject({ error: "media.errors.tooLarge", saved: false });
    expect(await snapshot(mat.id)).toEqual(before);
  });

  it("is refused to another group's manager, and cannot reach another group's product by its id", async () => {
    const mat = await product();
    const silk = await product("chonnabot-mudmee-mudmee-silk-mak-chap-pattern");
    const before = [await snapshot(mat.id), await snapshot(silk.id)];
    const bytes = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#345" } }).png().toBuffer();
    const file = { bytes, name: "a.png", type: "image/png" };
    expect(await status(upload(owner(mudmee), krajood, mat.id, file))).toBe(403);
    // Another group's product under this group's workspace URL is a page that does not exist.
    expect(await status(upload(owner(krajood), krajood, silk.id, file))).toBe(404);
    expect([await snapshot(mat.id), await snapshot(silk.id)]).toEqual(before);
  });

  it("takes the same photo uploaded at once to several products (a double tap, two groups with one picture): each saved, one image row", async () => {
    // The key is a hash of the bytes: the uploads insert one storage key together, and each must get the row.
    const products = await db().product.findMany({ where: { group: { slug: krajood }, hiddenAt: null }, orderBy: { slug: "asc" }, take: 3 });
    expect(products).toHaveLength(3);
    const bytes = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#2a7" } }).jpeg().toBuffer();
    const file = { bytes, name: "same.jpg", type: "image/jpeg" };
    const results = await Promise.all(products.map((each) => upload(owner(krajood), krajood, each.id, file)));
    for (const result of results) expect(result).toMatchObject({ data: { saved: true, error: null } });
    const firsts = await db().productImage.findMany({ where: { productId: { in: products.map((each) => each.id) }, position: 0 }, select: { imageId: true } });
    expect(firsts).toHaveLength(3);
    expect(new Set(firsts.map((each) => each.imageId)).size).toBe(1);
  });

  it("gives a second upload of the same bytes the first one's image row once that commits, not a unique-key failure", async () => {
    // Interleaved by hand: the first transaction has inserted the key but not committed when the second asks for it.
    const stored = { storageKey: "products/race-test-key", width: 10, height: 10, variants: [], written: [] };
    let commitFirst!: () => void;
    let firstInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (firstInserted = resolve));
    const first = inTransaction(db(), async (tx) => {
      const row = await imageRowFor(tx, stored);
      firstInserted();
      await new Promise<void>((resolve) => (commitFirst = resolve));
      return row;
    });
    await inserted;
    const second = inTransaction(db(), (tx) => imageRowFor(tx, stored));
    // Commit the first only once the second is waiting on the key's lock.
    await expect.poll(async () => (await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`)[0].n, { timeout: 10_000 }).toBeGreaterThan(0);
    commitFirst();
    const [a, b] = await Promise.all([first, second]);
    expect(b.id).toBe(a.id);
    await db().image.delete({ where: { id: a.id } });
  });

  it("deletes the files it wrote when the database transaction fails (compensation)", async () => {
    const mat = await product();
    const before = await snapshot(mat.id);
    const actor = await userByEmail(owner(krajood));
    const group = await db().occupationGroup.findUniqueOrThrow({ where: { slug: krajood } });
    const bytes = await sharp({ create: { width: 500, height: 300, channels: 3, background: "#c51" } }).png().toBuffer();
    const spy = vi.spyOn(db(), "$transaction").mockRejectedValueOnce(new Error("database went away"));
    await expect(addProductPhoto({ groupId: group.id, productId: mat.id, actorId: actor.id, file: bytes })).rejects.toThrow("database went away");
    spy.mockRestore();
    expect(await snapshot(mat.id)).toEqual(before);
  });
});
