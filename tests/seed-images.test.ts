/**
 * The seed's demo images: placeholders through the real pipeline, drawn after the rows (the
 * server does it in the background once the store is open), linked once, reused on re-runs,
 * and never put in front of a photo a group uploaded meanwhile.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { newProducts } from "~/modules/catalog/catalog.server";
import { localMediaDir } from "~/modules/media/storage.server";
import { variantsOf } from "~/modules/media/variants";
import { readCatalogFile } from "../prisma/seed/catalog-file";
import { seedDemo, seedDemoImages } from "../prisma/seed/demo";

describe("demo images", () => {
  it("give every demo product a first image (alt = title) and every group a cover, in both formats, stored on disk", async () => {
    const catalog = readCatalogFile();
    const firsts = await db().productImage.findMany({ where: { position: 0 }, include: { image: true, product: true } });
    expect(firsts).toHaveLength(catalog.products.length);
    for (const first of firsts) expect([first.altTh, first.altEn]).toEqual([first.product.titleTh, first.product.titleEn]);
    expect(await db().occupationGroup.count({ where: { coverImageId: null } })).toBe(0);

    const variants = variantsOf(firsts[0].image.variants);
    expect(variants.map((variant) => `${variant.format}:${variant.width}`).sort()).toEqual(["avif:320", "avif:640", "webp:320", "webp:640"]);
    for (const variant of variants) expect(fs.existsSync(path.join(localMediaDir(config()), variant.key))).toBe(true);
  });

  it("are not duplicated by a second seed", async () => {
    const before = await Promise.all([db().image.count(), db().productImage.count()]);
    await seedDemo(db());
    expect(await seedDemoImages(db())).toEqual({ products: 0, groups: 0 });
    expect(await Promise.all([db().image.count(), db().productImage.count()])).toEqual(before);
  });

  it("come after the rows: seeding alone links none, drawing them later links each missing one, but never before a group's own photo", async () => {
    const mat = await db().product.findUniqueOrThrow({ where: { slug: "ban-thon-krajood-krajood-mat" } });
    const placeholder = await db().productImage.findFirstOrThrow({ where: { productId: mat.id } });
    await db().productImage.deleteMany({});
    await db().occupationGroup.updateMany({ data: { coverImageId: null } });
    // The rows alone leave products on the generated art (cards fall back to /art/… when a product has no image).
    await seedDemo(db());
    expect(await db().productImage.count()).toBe(0);
    expect((await newProducts({ limit: 200 })).every((card) => card.images.length === 0)).toBe(true);
    // Meanwhile a group uploads its own photo of the mat (here: any stored image stands for it).
    const own = await db().image.create({ data: { storageKey: "products/own-photo-of-the-mat", width: 640, height: 480, variants: [] } });
    await db().productImage.create({ data: { productId: mat.id, imageId: own.id, position: 0, altTh: "ภาพของกลุ่ม", altEn: "The group's photo" } });

    const catalog = readCatalogFile();
    const pageCacheDrops = () => db().outboxMessage.count({ where: { topic: "PAGE_CACHE", payload: { equals: { reason: "demo images" } } } });
    const dropsBefore = await pageCacheDrops();
    const linked = await seedDemoImages(db());
    expect(linked).toEqual({ products: catalog.products.length - 1, groups: catalog.groups.length });
    expect(await db().productImage.findMany({ where: { productId: mat.id }, select: { imageId: true } })).toEqual([{ imageId: own.id }]);
    const basket = await db().product.findUniqueOrThrow({ where: { slug: "ban-thon-krajood-water-hyacinth" }, include: { images: true } });
    expect(basket.images).toHaveLength(1);
    expect(placeholder.imageId).not.toBe(own.id);
    // The cached pages that showed the art are dropped once the pictures are linked.
    expect(await pageCacheDrops()).toBe(dropsBefore + 1);
  });
});
