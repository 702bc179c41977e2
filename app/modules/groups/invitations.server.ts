/**
 * Invitations to a group's workspace: owns Invitation. An invitation is a link with a random
 * token; only the token's SHA-256 is stored, so a leaked database cannot be turned into working
 * links. A link works once and for seven days. Given an email, the link is mailed (through the
 * outbox); given a phone, it is shown to the owner to pass on by LINE.
 */
import crypto from "node:crypto";
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import type { CommitteeRole, GroupRole } from "~/generated/prisma/enums";
import { href, translator, type Lang } from "~/i18n/i18n";
import { recordAudit } from "~/modules/audit/audit.server";
import { sendEmail } from "~/modules/notifications/email.server";
import { NotInGroupError } from "./errors";

export const INVITATION_DAYS = 7;

/** The person invited already belongs to the group. */
export class AlreadyMemberError extends Error {
  readonly name = "AlreadyMemberError";
}

export type InvitationProblem = "unknown" | "expired" | "used";

/** The link cannot be used: never issued (or revoked), past its seven days, or used already. */
export class InvitationUnusableError extends Error {
  readonly name = "InvitationUnusableError";
  constructor(readonly problem: InvitationProblem) {
    super(`Invitation ${problem}`);
  }
}

const hashOf = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** The invitation link's path for a token. */
export const invitationPath = (token: string) => `/invitations/${token}`;

export async function inviteMember(
  input: {
    groupId: string;
    actorId: string;
    email?: string | null;
    phone?: string | null;
    role: GroupRole;
    committeeRole?: CommitteeRole | null;
    origin: string;
    lang: Lang;
  },
  client?: Client,
) {
  const email = input.email?.trim().toLowerCase() || null;
  const phone = input.phone || null;
  if (!email && !phone) throw new Error("An invitation needs an email or a phone");
  const token = crypto.randomBytes(24).toString("base64url");
  const link = `${input.origin}${href(input.lang, invitationPath(token))}`;
  const invitation = await inTransaction(client, async (tx) => {
    const already = await tx.groupMembership.findFirst({
      where: { groupId: input.groupId, user: { OR: [...(email ? [{ email }] : []), ...(phone ? [{ phone }] : [])] } },
      select: { id: true },
    });
    if (already) throw new AlreadyMemberError("Already a member of this group");
    const created = await tx.invitation.create({
      data: {
        groupId: input.groupId,
        email,
        phone,
        role: input.role,
        committeeRole: input.committeeRole ?? null,
        tokenHash: hashOf(token),
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
        invitedById: input.actorId,
      },
      select: { id: true, group: { select: { nameTh: true, nameEn: true } }, invitedBy: { select: { name: true } } },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: input.groupId,
      action: "group.member.invite",
      subjectType: "Invitation",
      subjectId: created.id,
      after: { email, phone, role: input.role, committeeRole: input.committeeRole ?? null },
    });
    if (email) {
      const t = translator(input.lang);
      const group = input.lang === "en" && created.group.nameEn ? created.group.nameEn : created.group.nameTh;
      await sendEmail(tx, {
        to: email,
        subject: t("groupMail.invitation.subject", { group }),
        text: t("groupMail.invitation.body", { group, inviter: created.invitedBy.name, link, days: INVITATION_DAYS }),
      });
    }
    return created;
  });
  return { id: invitation.id, link };
}

/** Invitations not yet used, for the members page (newest first). */
export function openInvitations(groupId: string, client: Client = db()) {
  return client.invitation.findMany({
    where: { groupId, usedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, email: true, phone: true, role: true, committeeRole: true, expiresAt: true },
  });
}

export async function revokeInvitation(input: { groupId: string; actorId: string; invitationId: string }, client?: Client) {
  return inTransaction(client, async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: input.invitationId, groupId: input.groupId, usedAt: null } });
    if (!invitation) throw new NotInGroupError("invitation");
    await tx.invitation.delete({ where: { id: invitation.id } });
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: input.groupId,
      action: "group.member.invite.revoke",
      subjectType: "Invitation",
      subjectId: invitation.id,
      before: { email: invitation.email, phone: invitation.phone, role: invitation.role },
    });
  });
}

function problemOf(invitation: { usedAt: Date | null; expiresAt: Date } | null, now = new Date()): InvitationProblem | null {
  if (!invitation) return "unknown";
  if (invitation.usedAt) return "used";
  if (invitation.expiresAt <= now) return "expired";
  return null;
}

/** What the invitation page shows before accepting: the group and role, or why the link cannot be used. */
export async function invitationByToken(token: string, client: Client = db()) {
  const invitation = await client.invitation.findUnique({
    where: { tokenHash: hashOf(token) },
    select: {
      usedAt: true,
      expiresAt: true,
      role: true,
      committeeRole: true,
      group: { select: { slug: true, nameTh: true, nameEn: true } },
      invitedBy: { select: { name: true } },
    },
  });
  const problem = problemOf(invitation);
  return problem ? { problem } : { problem: null, invitation: invitation! };
}

/**
 * Joins the signed-in user to the invitation's group. The invitation row is locked, so two
 * clicks (or two people sharing one link) cannot both join: the second finds it used.
 */
export async function acceptInvitation(input: { token: string; userId: string }, client?: Client) {
  return inTransaction(client, async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Invitation" WHERE "tokenHash" = ${hashOf(input.token)} FOR UPDATE`;
    const invitation = row ? await tx.invitation.findUnique({ where: { id: row.id }, include: { group: { select: { slug: true } } } }) : null;
    const problem = problemOf(invitation);
    if (problem) throw new InvitationUnusableError(problem);
    const { id, groupId, role, committeeRole } = invitation!;
    const existing = await tx.groupMembership.findUnique({ where: { userId_groupId: { userId: input.userId, groupId } }, select: { id: true } });
    if (existing) throw new AlreadyMemberError("Already a member of this group");
    const membership = await tx.groupMembership.create({ data: { userId: input.userId, groupId, role, committeeRole }, select: { id: true } });
    await tx.invitation.update({ where: { id }, data: { usedAt: new Date(), usedById: input.userId } });
    await recordAudit(tx, {
      actorId: input.userId,
      groupId,
      action: "group.member.join",
      subjectType: "GroupMembership",
      subjectId: membership.id,
      after: { role, committeeRole, invitationId: id },
    });
    return { groupSlug: invitation!.group.slug };
  });
}
