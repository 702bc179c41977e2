/**
 * Who works in a group's workspace, and as what: owns GroupMembership. Only owners change
 * members. A group always keeps an owner: the last one cannot be removed or demoted. That is
 * checked inside the transaction with the group's owner rows locked, so two owners removing
 * each other at the same moment cannot both succeed (the second waits, then sees it would be
 * the last, and is no longer an owner itself).
 */
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import type { CommitteeRole, GroupRole } from "~/generated/prisma/enums";
import { recordAudit } from "~/modules/audit/audit.server";
import { NotInGroupError } from "./errors";

/** The change would leave the group without an owner. */
export class LastOwnerError extends Error {
  readonly name = "LastOwnerError";
}

/** The acting user is not (or no longer) an owner of the group. */
export class NotOwnerError extends Error {
  readonly name = "NotOwnerError";
}

/** The people who can use a group's workspace, owners first. */
export function groupMemberList(groupId: string, client: Client = db()) {
  return client.groupMembership.findMany({
    where: { groupId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true, committeeRole: true, createdAt: true, user: { select: { id: true, name: true, email: true, phone: true } } },
  });
}

/**
 * Locks the group's owner rows (in id order, so concurrent callers never deadlock) and checks the
 * actor is one of them. Returns the owners' membership ids as they are now.
 */
async function lockOwners(tx: Client, groupId: string, actorId: string): Promise<{ id: string; userId: string }[]> {
  const owners = await tx.$queryRaw<{ id: string; userId: string }[]>`
    SELECT id, "userId" FROM "GroupMembership" WHERE "groupId" = ${groupId} AND role = 'OWNER' ORDER BY id FOR UPDATE`;
  if (!owners.some((owner) => owner.userId === actorId)) throw new NotOwnerError("Only an owner manages members");
  return owners;
}

async function membershipOf(tx: Client, groupId: string, membershipId: string) {
  const membership = await tx.groupMembership.findFirst({ where: { id: membershipId, groupId }, select: { id: true, userId: true, role: true, committeeRole: true } });
  if (!membership) throw new NotInGroupError("member");
  return membership;
}

/** Sets a member's permission role and committee seat; demoting the last owner is refused. */
export async function changeMember(
  input: { groupId: string; actorId: string; membershipId: string; role: GroupRole; committeeRole: CommitteeRole | null },
  client?: Client,
) {
  return inTransaction(client, async (tx) => {
    const owners = await lockOwners(tx, input.groupId, input.actorId);
    const member = await membershipOf(tx, input.groupId, input.membershipId);
    if (member.role === "OWNER" && input.role !== "OWNER" && owners.length <= 1) throw new LastOwnerError("The group needs an owner");
    await tx.groupMembership.update({ where: { id: member.id }, data: { role: input.role, committeeRole: input.committeeRole } });
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: input.groupId,
      action: "group.member.change",
      subjectType: "GroupMembership",
      subjectId: member.id,
      before: { role: member.role, committeeRole: member.committeeRole },
      after: { role: input.role, committeeRole: input.committeeRole },
    });
  });
}

/** Removes a member (an owner may remove themself while another owner remains). */
export async function removeMember(input: { groupId: string; actorId: string; membershipId: string }, client?: Client) {
  return inTransaction(client, async (tx) => {
    const owners = await lockOwners(tx, input.groupId, input.actorId);
    const member = await membershipOf(tx, input.groupId, input.membershipId);
    if (member.role === "OWNER" && owners.length <= 1) throw new LastOwnerError("The group needs an owner");
    await tx.groupMembership.delete({ where: { id: member.id } });
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: input.groupId,
      action: "group.member.remove",
      subjectType: "GroupMembership",
      subjectId: member.id,
      before: { userId: member.userId, role: member.role, committeeRole: member.committeeRole },
    });
  });
}
