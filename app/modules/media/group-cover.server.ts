/**
 * A group's cover photo (its page and cards): the same pipeline and two-step workflow as product
 * photos. The old cover's image is deleted when nothing else uses it.
 */
import { db } from "~/db/client.server";
import { inTransaction } from "~/db/transaction.server";
import { runWorkflow, step } from "~/lib/workflow.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { NotInGroupError } from "~/modules/groups/errors";
import { enqueue } from "~/modules/outbox/outbox.server";
import { deleteReleasedFiles, releaseImageIfUnused, type ReleasedFiles } from "./image-cleanup.server";
import { deleteUnreferenced, imageRowFor, storeImage, type StoredImage } from "./media.server";
import { mediaStorage, type MediaStorage } from "./storage.server";

export async function setGroupCover(input: { groupId: string; actorId: string; file: Buffer; storage?: MediaStorage }) {
  const storage = input.storage ?? mediaStorage();
  let released: ReleasedFiles | null = null;
  const result = await runWorkflow<{ imageId: string }>("set group cover", [
    step(
      "store image files",
      () => storeImage(input.file, { storage }),
      (stored: StoredImage) => deleteUnreferenced(storage, stored),
    ),
    step("make it the group's cover", (stored: StoredImage) =>
      inTransaction(db(), async (tx) => {
        const [group] = await tx.$queryRaw<{ coverImageId: string | null }[]>`
          SELECT "coverImageId" FROM "OccupationGroup" WHERE id = ${input.groupId} FOR UPDATE`;
        if (!group) throw new NotInGroupError("group");
        const image = await imageRowFor(tx, stored);
        await tx.occupationGroup.update({ where: { id: input.groupId }, data: { coverImageId: image.id } });
        if (group.coverImageId && group.coverImageId !== image.id) released = await releaseImageIfUnused(tx, group.coverImageId);
        await recordAudit(tx, {
          actorId: input.actorId,
          groupId: input.groupId,
          action: "group.cover.set",
          subjectType: "OccupationGroup",
          subjectId: input.groupId,
          before: { coverImageId: group.coverImageId },
          after: { coverImageId: image.id },
        });
        // Search documents carry no cover; the group's page and cards do.
        await enqueue(tx, "PAGE_CACHE", { reason: "group" });
        return { imageId: image.id };
      }),
    ),
  ]);
  await deleteReleasedFiles(released, storage);
  return result;
}
