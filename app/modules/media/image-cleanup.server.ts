/**
 * Letting go of images: an Image row that no product photo and no group cover uses any more is
 * deleted with the change that released it, and its files are deleted once that change has
 * committed (a rollback must not leave rows pointing at missing files). The same picture
 * uploaded again meanwhile finds its row gone and is stored afresh under the same key.
 */
import { db } from "~/db/client.server";
import type { Client } from "~/db/transaction.server";
import { deleteKeys } from "./media.server";
import { mediaStorage, type MediaStorage } from "./storage.server";
import { variantsOf } from "./variants";

/** Files to delete after the caller's transaction commits. */
export interface ReleasedFiles {
  storageKey: string;
  keys: string[];
}

/**
 * Deletes the image row if nothing refers to it any more (locking it first, so a concurrent
 * link to the same row waits and then fails rather than pointing at a deleted row). Returns the
 * files to delete once the transaction commits, or null when the image is still in use.
 */
export async function releaseImageIfUnused(tx: Client, imageId: string): Promise<ReleasedFiles | null> {
  const [image] = await tx.$queryRaw<{ id: string; storageKey: string; variants: unknown }[]>`
    SELECT id, "storageKey", variants FROM "Image" WHERE id = ${imageId} FOR UPDATE`;
  if (!image) return null;
  // One after the other: a transaction is one connection.
  const photos = await tx.productImage.count({ where: { imageId } });
  const covers = await tx.occupationGroup.count({ where: { coverImageId: imageId } });
  if (photos > 0 || covers > 0) return null;
  await tx.image.delete({ where: { id: imageId } });
  const keys = variantsOf(image.variants).map((variant) => variant.key);
  return { storageKey: image.storageKey, keys: [...keys, `${image.storageKey}/manifest.json`] };
}

/** After commit: deletes released files, unless the same picture has been stored again since. */
export async function deleteReleasedFiles(released: ReleasedFiles | null, storage: MediaStorage = mediaStorage()): Promise<void> {
  if (!released) return;
  if ((await db().image.count({ where: { storageKey: released.storageKey } })) > 0) return;
  await deleteKeys(storage, released.keys);
}
