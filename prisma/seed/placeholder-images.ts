/**
 * Demo images: each demo product's and group's generated placeholder artwork goes through the
 * real image pipeline (rendered by sharp into the same WebP and AVIF variants, written through
 * the storage port, recorded as Image rows), so the demo exercises what real uploads use.
 *
 * Encoding takes seconds, so it is not part of seeding the rows: the server runs it in the
 * background after the store opens (until a product's picture is linked, its card and page show
 * the same artwork as an SVG from /art), and `npm run db:seed` runs it after the rows.
 * Content-hashed keys make a re-run cheap: an image already in storage is not encoded again.
 * A placeholder is only ever a first picture: a product that got a real photo meanwhile, or a
 * group that chose a cover, is left alone.
 */
import type { Db } from "~/db/client.server";
import { placeholderSvg } from "~/modules/catalog/placeholder-art";
import { storeImage } from "~/modules/media/media.server";
import { placeholderEncoding } from "~/modules/media/placeholders.server";
import type { MediaStorage } from "~/modules/media/storage.server";
import { enqueue } from "~/modules/outbox/outbox.server";

const limits = { maxBytes: 1024 * 1024, maxPixels: 4_000_000 };

export interface PlaceholderOptions {
  storage?: MediaStorage;
  /** Called after each product or group, with how many are done of how many. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Pictures encoded at once: sharp runs on libuv's thread pool, so two keep both cores busy
   * (`npm run db:seed`); the server draws one at a time and leaves a core to its visitors.
   */
  concurrency?: number;
}

async function inPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
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

/** Links a placeholder as first image of every listed product without images, and as cover of every listed group without one. */
export async function seedPlaceholderImages(db: Db, slugs: { products: string[]; groups: string[] }, options: PlaceholderOptions = {}) {
  const products = await db.product.findMany({
    where: { slug: { in: slugs.products }, images: { none: {} } },
    select: { id: true, slug: true, titleTh: true, titleEn: true, category: { select: { slug: true } } },
  });
  const groups = await db.occupationGroup.findMany({ where: { slug: { in: slugs.groups }, coverImageId: null }, select: { id: true, slug: true } });
  const total = products.length + groups.length;
  let done = 0;
  const linked = { products: 0, groups: 0 };
  const tick = () => options.onProgress?.(++done, total);
  const concurrency = options.concurrency ?? 2;

  await inPool(products, concurrency, async (product) => {
    const imageId = await imageRowFor(db, placeholderSvg(product.slug, product.category.slug), options.storage);
    // Under the product's lock, as a photo upload takes it: whichever comes second sees the other's picture.
    const added = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Product" WHERE id = ${product.id} FOR UPDATE`;
      if ((await tx.productImage.count({ where: { productId: product.id } })) > 0) return false;
      await tx.productImage.create({ data: { productId: product.id, imageId, position: 0, altTh: product.titleTh, altEn: product.titleEn } });
      return true;
    });
    if (added) linked.products++;
    tick();
  });
  await inPool(groups, concurrency, async (group) => {
    const imageId = await imageRowFor(db, placeholderSvg(group.slug, "group"), options.storage);
    const { count } = await db.occupationGroup.updateMany({ where: { id: group.id, coverImageId: null }, data: { coverImageId: imageId } });
    linked.groups += count;
    tick();
  });
  // Pages kept for signed-out visitors still show the SVG art; let every instance drop them.
  if (linked.products + linked.groups > 0) await enqueue(db, "PAGE_CACHE", { reason: "demo images" });
  return linked;
}
