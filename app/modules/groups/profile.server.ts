/**
 * A verified group's profile, as its owners keep it up to date: names, story, place, people,
 * contacts, certifications (through the same writer as the application) and payout details
 * (payout-details.server.ts, which asks staff to check a change). A group still applying edits
 * the same things on its application page instead.
 */
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import { imageSelect } from "~/modules/media/selects";
import { NotInGroupError } from "./errors";
import { groupDetailsSelect, locationOf, writeGroupDetails, type GroupDetailsPatch } from "./group-details.server";
import { GroupLockedError } from "./payout-details.server";
import { profileStatuses } from "./application-form";

export async function updateGroupProfile(input: { groupId: string; actorId: string; patch: GroupDetailsPatch }, client?: Client) {
  const location = await locationOf(input.patch);
  return inTransaction(client, async (tx) => {
    const [group] = await tx.$queryRaw<{ verificationStatus: string }[]>`
      SELECT "verificationStatus" FROM "OccupationGroup" WHERE id = ${input.groupId} FOR UPDATE`;
    if (!group) throw new NotInGroupError("group");
    if (!profileStatuses.has(group.verificationStatus)) throw new GroupLockedError(group.verificationStatus);
    await writeGroupDetails(tx, { ...input, location, action: `group.profile.${input.patch.step}` });
  });
}

/** Everything the profile page shows and edits, whatever the group's status. */
export function groupProfileForEdit(groupId: string, client: Client = db()) {
  return client.occupationGroup.findUniqueOrThrow({
    where: { id: groupId },
    select: {
      ...groupDetailsSelect,
      payoutVerifiedAt: true,
      suspendedReason: true,
      coverImage: imageSelect,
      certifications: { select: { certification: { select: { slug: true } } } },
      verifications: {
        where: { kind: "PAYOUT_DETAILS" },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { status: true, reasons: true, createdAt: true },
      },
    },
  });
}
