/**
 * Demo images: each demo product's and group's generated placeholder artwork
 * goes through the real image pipeline (rendered by sharp into the same WebP
 * and AVIF variants, written through the storage port, recorded as Image
 * rows), so the demo exercises what real uploads use. Content-hashed keys make
 * a re-run cheap: an image already in storage is not encoded again.
 */
import type { Db } from "~/db/client.server";
import { placeholderSvg } from "~/modules/catalog/placeholder-art";
import { storeImage } from "~/modules/media/media.server";
import type { MediaStorage } from "~/modules/media/storage.server";

// Flat vector art: the lowest AVIF effort loses nothing visible and is ~4× faster;
// 640 px wide covers the 400 px product image on most phones.
const placeholderEncoding = { allowSvg: true, svgWidth: 640, widths: [320, 640], avifEffort: 0, webpEffort: 2 } as const;
const limits = { maxBytes: 1024 * 1024, maxPixels: 4_000_000 };
// sharp runs on libuv's thread pool; two at a time keeps both cores busy without queueing behind each other.
const CONCURRENCY = 2;

async function inPool<T>(items: T[], work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

async function imageRowFor(db: Db, svg: string, storage?: MediaStorage): Promise<string> {
  const stored = await storeImage(Buffer.from(svg), { ...placeholderEncoding, limits, storage });
  const row = await db.image.upsert({
    where: { storageKey: stored.storageKey },
    create: { storageKey: stored.storageKey, width: stored.width, height: stored.height, variants: stored.variants as never },
    update: {},
    select: { id: true },
  });
  return row.id;
}

/** Links a placeholder as first image of every demo product without images, and as cover of every group without one. */
export async function seedPlaceholderImages(
  db: Db,
  slugs: { products: string[]; groups: string[] },
  options: { storage?: MediaStorage; onProgress?: () => void } = {},
) {
  const products = await db.product.findMany({
    where: { slug: { in: slugs.products }, images: { none: {} } },
    select: { id: true, slug: true, titleTh: true, titleEn: true, category: { select: { slug: true } } },
  });
  const groups = await db.occupationGroup.findMany({
    where: { slug: { in: slugs.groups }, coverImageId: null },
    select: { id: true, slug: true },
  });
  const skipped = slugs.products.length - products.length + slugs.groups.length - groups.length;
  for (let i = 0; i < skipped; i++) options.onProgress?.();

  await inPool(products, async (product) => {
    const imageId = await imageRowFor(db, placeholderSvg(product.slug, product.category.slug), options.storage);
    await db.productImage.create({
      data: { productId: product.id, imageId, position: 0, altTh: product.titleTh, altEn: product.titleEn },
    });
    options.onProgress?.();
  });
  await inPool(groups, async (group) => {
    const imageId = await imageRowFor(db, placeholderSvg(group.slug, "group"), options.storage);
    await db.occupationGroup.update({ where: { id: group.id }, data: { coverImageId: imageId } });
    options.onProgress?.();
  });
}
