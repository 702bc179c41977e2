/**
 * Staff's verification queue: group applications and changes to a verified group's payout
 * details, each an OPEN VerificationRequest. Staff read the application beside its documents and
 * approve it or return it with reasons the group sees and answers. Approving an application
 * makes the group VERIFIED (it sells from then on: search and cached pages follow at once);
 * approving payout details lets payouts reach them again. The group's owners are emailed either way.
 */
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import { href, translator, type Lang } from "~/i18n/i18n";
import { recordAudit } from "~/modules/audit/audit.server";
import { groupProductsChanged } from "~/modules/catalog/changes.server";
import { sendEmail } from "~/modules/notifications/email.server";
import { groupDetailsSelect, groupDocumentsSelect } from "./group-details.server";

/** No request (or group) with that id: the staff page answers 404. */
export class VerificationNotFoundError extends Error {
  readonly name = "VerificationNotFoundError";
}

/** The request was already decided (by another member of staff, or a double click). */
export class VerificationDecidedError extends Error {
  readonly name = "VerificationDecidedError";
}

/** Open requests, oldest first: applications and payout changes in one line. */
export function verificationQueue(client: Client = db()) {
  return client.verificationRequest.findMany({
    where: { status: "OPEN" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      kind: true,
      createdAt: true,
      answer: true,
      group: { select: { slug: true, nameTh: true, nameEn: true, province: { select: { nameTh: true, nameEn: true } } } },
    },
  });
}

/** One request with everything staff check: the application, its documents, and earlier rounds. */
export async function verificationDetail(requestId: string, client: Client = db()) {
  const request = await client.verificationRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      kind: true,
      status: true,
      reasons: true,
      answer: true,
      createdAt: true,
      decidedAt: true,
      group: {
        select: {
          ...groupDetailsSelect,
          payoutVerifiedAt: true,
          documents: groupDocumentsSelect,
        },
      },
    },
  });
  if (!request) throw new VerificationNotFoundError(`No verification request ${requestId}`);
  const history = await client.verificationRequest.findMany({
    where: { groupId: request.group.id, id: { not: request.id } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, kind: true, status: true, reasons: true, answer: true, createdAt: true, decidedAt: true },
  });
  return { ...request, history };
}

type Decision = { requestId: string; reviewerId: string; origin: string };

/** Locks an open request, or says why it cannot be decided. */
async function lockOpen(tx: Client, requestId: string) {
  const [row] = await tx.$queryRaw<{ id: string; groupId: string; kind: "APPLICATION" | "PAYOUT_DETAILS"; status: string }[]>`
    SELECT id, "groupId", kind, status FROM "VerificationRequest" WHERE id = ${requestId} FOR UPDATE`;
  if (!row) throw new VerificationNotFoundError(`No verification request ${requestId}`);
  if (row.status !== "OPEN") throw new VerificationDecidedError(`Request ${requestId} is ${row.status}`);
  return row;
}

/** Approves a request: an application makes the group sell; payout details may be paid to. */
export async function approveVerification(input: Decision, client?: Client) {
  return inTransaction(client, async (tx) => {
    const request = await lockOpen(tx, input.requestId);
    const now = new Date();
    const before = await tx.occupationGroup.findUniqueOrThrow({ where: { id: request.groupId }, select: { verificationStatus: true, payoutVerifiedAt: true } });
    await tx.verificationRequest.update({ where: { id: request.id }, data: { status: "APPROVED", reviewerId: input.reviewerId, decidedAt: now } });
    if (request.kind === "APPLICATION") {
      await tx.occupationGroup.update({ where: { id: request.groupId }, data: { verificationStatus: "VERIFIED", verifiedAt: now, payoutVerifiedAt: now } });
      await groupProductsChanged(tx, request.groupId);
    } else {
      await tx.occupationGroup.update({ where: { id: request.groupId }, data: { payoutVerifiedAt: now } });
    }
    await recordAudit(tx, {
      actorId: input.reviewerId,
      groupId: request.groupId,
      action: request.kind === "APPLICATION" ? "group.verify" : "group.payout.verify",
      subjectType: "VerificationRequest",
      subjectId: request.id,
      before,
      after: request.kind === "APPLICATION" ? { verificationStatus: "VERIFIED" } : { payoutVerifiedAt: now.toISOString() },
    });
    await notifyOwners(tx, { groupId: request.groupId, requestId: request.id, kind: request.kind, decision: "approved", origin: input.origin });
  });
}

/** Returns a request with reasons the group reads; a returned application may be changed and sent again. */
export async function returnVerification(input: Decision & { reasons: string }, client?: Client) {
  const reasons = input.reasons.trim();
  if (!reasons) throw new Error("Reasons are required to return a request");
  return inTransaction(client, async (tx) => {
    const request = await lockOpen(tx, input.requestId);
    await tx.verificationRequest.update({ where: { id: request.id }, data: { status: "RETURNED", reasons, reviewerId: input.reviewerId, decidedAt: new Date() } });
    if (request.kind === "APPLICATION") {
      await tx.occupationGroup.update({ where: { id: request.groupId }, data: { verificationStatus: "RETURNED" } });
    }
    await recordAudit(tx, {
      actorId: input.reviewerId,
      groupId: request.groupId,
      action: request.kind === "APPLICATION" ? "group.return" : "group.payout.return",
      subjectType: "VerificationRequest",
      subjectId: request.id,
      details: { reasons },
    });
    await notifyOwners(tx, { groupId: request.groupId, requestId: request.id, kind: request.kind, decision: "returned", reasons, origin: input.origin });
  });
}

/** One email per owner, in their language, written in the decision's transaction (sent if it commits). */
async function notifyOwners(
  tx: Client,
  input: { groupId: string; requestId: string; kind: "APPLICATION" | "PAYOUT_DETAILS"; decision: "approved" | "returned"; reasons?: string; origin: string },
) {
  const group = await tx.occupationGroup.findUniqueOrThrow({
    where: { id: input.groupId },
    select: { slug: true, nameTh: true, nameEn: true, memberships: { where: { role: "OWNER" }, select: { user: { select: { id: true, email: true, locale: true } } } } },
  });
  const template = `${input.kind === "APPLICATION" ? "application" : "payout"}.${input.decision}`;
  for (const { user } of group.memberships) {
    const lang: Lang = user.locale === "en" ? "en" : "th";
    const t = translator(lang);
    const page =
      input.kind === "APPLICATION" && input.decision === "returned"
        ? "/groups/apply"
        : input.kind === "APPLICATION"
          ? `/groups/${group.slug}/manage`
          : `/groups/${group.slug}/manage/profile`;
    const name = lang === "en" && group.nameEn ? group.nameEn : group.nameTh;
    await sendEmail(
      tx,
      {
        to: user.email,
        subject: t(`groupMail.${template}.subject`, { group: name }),
        text: t(`groupMail.${template}.body`, { group: name, reasons: input.reasons ?? "", link: `${input.origin}${href(lang, page)}` }),
      },
      { dedupeKey: `verification:${input.requestId}:${input.decision}:${user.id}` },
    );
  }
}
