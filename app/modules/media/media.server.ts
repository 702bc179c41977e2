/**
 * Images of products and groups: owns Image and the ProductImage links.
 * Storing is a two-step workflow with a compensation (app/lib/workflow.server.ts):
 * the variant files are written first (an outside effect), then the rows in one
 * transaction; if the transaction fails, the files this call wrote are deleted
 * again, unless another upload of the same picture has come to use them.
 */
import { config } from "~/config.server";
import { db, type Tx } from "~/db/client.server";
import { inTransaction } from "~/db/transaction.server";
import { runWorkflow, step } from "~/lib/workflow.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { productsChanged } from "~/modules/catalog/changes.server";
import { productOfGroup } from "~/modules/catalog/group-products.server";
import { ImageRejectedError } from "./errors";
import { deleteReleasedFiles, releaseImageIfUnused, type ReleasedFiles } from "./image-cleanup.server";
import { placeholderKeyOf } from "./placeholders.server";
import { encodeImage, inspectImage, storageKeyFor, type EncodeOptions, type PipelineLimits } from "./pipeline.server";
import { mediaStorage, type MediaStorage } from "./storage.server";
import { contentTypeOf, variantsOf, type ImageVariant } from "./variants";

export { ImageRejectedError };

export interface StoredImage {
  storageKey: string;
  width: number;
  height: number;
  variants: ImageVariant[];
  /** Keys this call wrote (empty when the same image was already stored): what a compensation must delete. */
  written: string[];
}

/** A product page shows up to eight photos (catalog's gallery); more would never be seen. */
export const PHOTOS_PER_PRODUCT = 8;

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
 * The image row for stored files, made if it is not there yet. The key is a hash of the bytes, so
 * the same photo uploaded twice at once (a double-tapped button, two groups with one picture) makes
 * two inserts of one key: `ON CONFLICT DO NOTHING` lets the second wait for the first and then read
 * its row, where Prisma's upsert (a read, then an insert) failed the second with a unique violation.
 */
export async function imageRowFor(tx: Tx, stored: StoredImage): Promise<{ id: string }> {
  await tx.image.createMany({
    data: [{ storageKey: stored.storageKey, width: stored.width, height: stored.height, variants: stored.variants as never }],
    skipDuplicates: true,
  });
  return tx.image.findUniqueOrThrow({ where: { storageKey: stored.storageKey }, select: { id: true } });
}

/**
 * Deletes files a failed upload wrote, unless an image row has come to use them meanwhile (the
 * same photo uploaded twice at once shares its content-hashed key).
 */
export async function deleteUnreferenced(storage: MediaStorage, stored: StoredImage) {
  if (stored.written.length === 0) return;
  if ((await db().image.count({ where: { storageKey: stored.storageKey } })) > 0) return;
  await deleteKeys(storage, stored.written);
}

/**
 * A group manager adds a photo to one of the group's products. It becomes the product's first
 * image (what cards and the product page show); earlier images move down one place. A workflow of
 * two steps: the files are written first (undone by deleting them), then the rows in one
 * transaction that locks the product, so two uploads to one product never collide on a position.
 */
export async function addProductPhoto(input: {
  groupId: string;
  productId: string;
  actorId: string;
  file: Buffer;
  storage?: MediaStorage;
}) {
  const storage = input.storage ?? mediaStorage();
  // Refuse another group's product before spending seconds encoding.
  await productOfGroup(db(), { groupId: input.groupId, productId: input.productId }, { id: true });
  let released: ReleasedFiles | null = null;
  const added = await runWorkflow<{ imageId: string; slug: string; storageKey: string }>("add product photo", [
    step(
      "store image files",
      () => storeImage(input.file, { storage }),
      (stored: StoredImage) => deleteUnreferenced(storage, stored),
    ),
    step("link the image to the product", (stored: StoredImage) =>
      inTransaction(db(), async (tx) => {
        const product = await productOfGroup(
          tx,
          { groupId: input.groupId, productId: input.productId, lock: true },
          { id: true, slug: true, titleTh: true, titleEn: true, category: { select: { slug: true } } },
        );
        // A real photo replaces the demo artwork rather than sitting in front of it.
        const placeholder = await tx.productImage.findFirst({
          where: { productId: product.id, image: { storageKey: placeholderKeyOf(product.slug, product.category.slug) } },
          select: { id: true, imageId: true },
        });
        if (placeholder) {
          await tx.productImage.delete({ where: { id: placeholder.id } });
          released = await releaseImageIfUnused(tx, placeholder.imageId);
        }
        // Counted under the product's lock, so two uploads at once cannot both take the last place.
        if ((await tx.productImage.count({ where: { productId: product.id } })) >= PHOTOS_PER_PRODUCT) throw new ImageRejectedError("tooManyPhotos");
        const image = await imageRowFor(tx, stored);
        // Two steps, because a one-step "+1" can collide with the unique (productId, position) mid-update.
        await tx.$executeRaw`UPDATE "ProductImage" SET "position" = -"position" - 1 WHERE "productId" = ${product.id}`;
        await tx.$executeRaw`UPDATE "ProductImage" SET "position" = -"position" WHERE "productId" = ${product.id}`;
        await tx.productImage.create({
          data: { productId: product.id, imageId: image.id, position: 0, altTh: product.titleTh, altEn: product.titleEn },
        });
        await recordAudit(tx, {
          actorId: input.actorId,
          groupId: input.groupId,
          action: "product.image.add",
          subjectType: "Product",
          subjectId: product.id,
          details: { imageId: image.id, storageKey: stored.storageKey },
        });
        await productsChanged(tx, [product.slug]);
        return { imageId: image.id, slug: product.slug, storageKey: stored.storageKey };
      }),
    ),
  ]);
  // Only once the placeholder's rows are gone for good.
  await deleteReleasedFiles(released, storage);
  return added;
}
