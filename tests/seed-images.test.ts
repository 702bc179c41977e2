/** The seed's demo images: placeholders through the real pipeline, linked once, reused on re-runs. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { localMediaDir } from "~/modules/media/storage.server";
import { variantsOf } from "~/modules/media/variants";
import { readCatalogFile } from "../prisma/seed/catalog-file";
import { seedDemo } from "../prisma/seed/demo";

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
    expect(await Promise.all([db().image.count(), db().productImage.count()])).toEqual(before);
  });
});
