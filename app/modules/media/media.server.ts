/**
 * Images of products and groups: owns Image and the ProductImage links.
 * Storing is a two-step workflow with a compensation: the variant files are
 * written first (an outside effect), then the rows in one transaction; if the
 * transaction fails, the files this call wrote are deleted again.
 */
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { enqueueSearchSync } from "~/modules/outbox/outbox.server";
import { ImageRejectedError, ProductNotInGroupForImageError } from "./errors";
import { encodeImage, inspectImage, storageKeyFor, type EncodeOptions, type PipelineLimits } from "./pipeline.server";
import { mediaStorage, type MediaStorage } from "./storage.server";
import { contentTypeOf, variantsOf, type ImageVariant } from "./variants";

export { ImageRejectedError, ProductNotInGroupForImageError };

export interface StoredImage {
  storageKey: string;
  width: number;
  height: number;
  variants: ImageVariant[];
  /** Keys this call wrote (empty when the same image was already stored): what a compensation must delete. */
  written: string[];
}

export function uploadLimits(): PipelineLimits {
  const settings = config();
  return { maxBytes: Math.round(settings.MEDIA_MAX_UPLOAD_MB * 1024 * 1024), maxPixels: Math.round(settings.MEDIA_MAX_MEGAPIXELS * 1e6) };
}

const manifestKey = (storageKey: string) => `${storageKey}/manifest.json`;

/**
 * Validates, encodes and writes an image's variants. The key is a hash of the
 * bytes and settings, so an image already stored is not encoded again: its
 * manifest (written last, after every variant) is read back instead.
 */
export async function storeImage(
  input: Buffer,
  options: EncodeOptions & { limits?: PipelineLimits; storage?: MediaStorage } = {},
): Promise<StoredImage> {
  const limits = options.limits ?? uploadLimits();
  const storage = options.storage ?? mediaStorage();
  await inspectImage(input, limits, options);
  const storageKey = storageKeyFor(input, options);
  const manifest = await storage.get(manifestKey(storageKey));
  if (manifest) {
    const parsed = JSON.parse(manifest.toString("utf8")) as { width: number; height: number; variants: unknown };
    return { storageKey, width: parsed.width, height: parsed.height, variants: variantsOf(parsed.variants), written: [] };
  }
  const encoded = await encodeImage(input, limits, options);
  const variants: ImageVariant[] = [];
  const written: string[] = [];
  try {
    for (const variant of encoded.variants) {
      const key = `${storageKey}/${variant.width}.${variant.format}`;
      await storage.put(key, variant.body, contentTypeOf[variant.format]);
      written.push(key);
      variants.push({ format: variant.format, width: variant.width, height: variant.height, key, url: storage.publicUrl(key) });
    }
    const body = Buffer.from(JSON.stringify({ width: encoded.width, height: encoded.height, variants }));
    await storage.put(manifestKey(storageKey), body, "application/json");
    written.push(manifestKey(storageKey));
  } catch (error) {
    await deleteKeys(storage, written);
    throw error;
  }
  return { storageKey, width: encoded.width, height: encoded.height, variants, written };
}

export async function deleteKeys(storage: MediaStorage, keys: string[]) {
  await Promise.all(keys.map((key) => storage.delete(key).catch(() => {})));
}

/**
 * A group manager adds a photo to one of the group's products. It becomes the
 * product's first image (what cards and the product page show); earlier images
 * move down one place.
 */
export async function addProductPhoto(input: {
  groupId: string;
  productId: string;
  actorId: string;
  file: Buffer;
  storage?: MediaStorage;
}) {
  const storage = input.storage ?? mediaStorage();
  const product = await db().product.findFirst({
    where: { id: input.productId, groupId: input.groupId },
    select: { id: true, slug: true, titleTh: true, titleEn: true },
  });
  if (!product) throw new ProductNotInGroupForImageError();
  const stored = await storeImage(input.file, { storage });
  try {
    return await db().$transaction(async (tx) => {
      const image = await tx.image.upsert({
        where: { storageKey: stored.storageKey },
        create: { storageKey: stored.storageKey, width: stored.width, height: stored.height, variants: stored.variants as never },
        update: {},
      });
      // Two steps, because a one-step "+1" can collide with the unique (productId, position) mid-update.
      await tx.$executeRaw`UPDATE "ProductImage" SET "position" = -"position" - 1 WHERE "productId" = ${product.id}`;
      await tx.$executeRaw`UPDATE "ProductImage" SET "position" = -"position" WHERE "productId" = ${product.id}`;
      await tx.productImage.create({
        data: { productId: product.id, imageId: image.id, position: 0, altTh: product.titleTh, altEn: product.titleEn },
      });
      await tx.auditLog.create({
        data: {
          actorId: input.actorId,
          groupId: input.groupId,
          action: "product.image.add",
          subjectType: "Product",
          subjectId: product.id,
          details: { imageId: image.id, storageKey: stored.storageKey },
        },
      });
      await enqueueSearchSync(tx, [product.slug]);
      return { imageId: image.id, slug: product.slug, storageKey: stored.storageKey };
    });
  } catch (error) {
    await deleteKeys(storage, stored.written);
    throw error;
  }
}
