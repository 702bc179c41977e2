/**
 * Joining the store as a group: an application is an OccupationGroup in DRAFT whose applicant
 * is its OWNER. It is written step by step (a villager may finish it over several evenings on a
 * phone), found again by its applicant, and submitted for staff review (PENDING, with an OPEN
 * VerificationRequest). Staff return it with reasons (RETURNED) or verify it (verification.server.ts);
 * a returned application is edited and submitted again with the group's answer.
 */
import crypto from "node:crypto";
import { db } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { inTransaction, type Client } from "~/db/transaction.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { NotInGroupError } from "./errors";
import { GroupLockedError } from "./payout-details.server";
import { groupDetailsSelect, groupDocumentsSelect, locationOf, writeGroupDetails, type GroupDetailsPatch } from "./group-details.server";
import { InvalidLocationError, provinceChoices, provinceRow, type Place } from "./places.server";
import { provinceSlugOf } from "./provinces";

export { GroupLockedError };

/** Statuses in which the group itself may still change its application. */
const editable = new Set(["DRAFT", "RETURNED"]);

export const applicationSteps = ["names", "place", "people", "contacts", "payout", "documents"] as const;
export type ApplicationStep = (typeof applicationSteps)[number];

/** Submitting needs every step; `missing` names the steps still to do, in order. */
export class ApplicationIncompleteError extends Error {
  readonly name = "ApplicationIncompleteError";
  constructor(readonly missing: ApplicationStep[]) {
    super(`Application incomplete: ${missing.join(", ")}`);
  }
}

/** Slugs that name pages under /groups/ and so cannot name a group. */
const reservedSlugs = new Set(["apply", "new", "manage"]);

async function freeSlug(client: Client, base: string): Promise<string> {
  const stem = base && !reservedSlugs.has(base) ? base.slice(0, 60).replace(/-+$/, "") : "group";
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = attempt === 0 && stem !== "group" ? stem : `${stem}-${crypto.randomBytes(3).toString("hex")}`;
    if (!(await client.occupationGroup.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
  return `${stem}-${crypto.randomBytes(8).toString("hex")}`;
}

const applicationSelect = {
  ...groupDetailsSelect,
  submittedAt: true,
  documents: groupDocumentsSelect,
  verifications: {
    where: { kind: "APPLICATION" },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, reasons: true, answer: true, createdAt: true, decidedAt: true },
  },
} satisfies Prisma.OccupationGroupSelect;

export type Application = NonNullable<Awaited<ReturnType<typeof applicationOf>>>;

/** The applicant's newest group not yet verified (to resume, or to read staff's reasons), or null. */
export function applicationOf(userId: string, client: Client = db()) {
  return client.occupationGroup.findFirst({
    where: { verificationStatus: { in: ["DRAFT", "PENDING", "RETURNED"] }, memberships: { some: { userId, role: "OWNER" } } },
    orderBy: { createdAt: "desc" },
    select: applicationSelect,
  });
}

/** Which steps of an application are done, for the step list and for submitting. */
export function stepsDone(application: Application): Record<ApplicationStep, boolean> {
  return {
    names: application.nameTh.trim() !== "" && application.storyTh.trim() !== "",
    place: application.villageTh !== "" && application.tambonTh !== "" && application.amphoeTh !== "",
    people: application.foundedYear > 0 && application.memberCount > 0 && application.communitySage !== "" && application.committee.length > 0,
    contacts: Boolean(application.phone),
    payout: Boolean(application.promptPayId || application.payoutAccountNo),
    documents: application.documents.length > 0,
  };
}

/** Opens an application: a DRAFT group in the given province, with the applicant as its owner. */
export async function startApplication(input: { userId: string; nameTh: string; nameEn?: string | null; province: string }, client?: Client) {
  const province = (await provinceChoices()).find((place) => place.nameTh === input.province);
  if (!province) throw new InvalidLocationError("province");
  return inTransaction(client, async (tx) => {
    const row = await provinceRow(tx, province);
    const slug = await freeSlug(tx, provinceSlugOf(input.nameEn ?? "") || row.slug);
    const group = await tx.occupationGroup.create({
      data: {
        slug,
        nameTh: input.nameTh,
        nameEn: input.nameEn ?? "",
        storyTh: "",
        storyEn: "",
        villageTh: "",
        villageEn: "",
        tambonTh: "",
        amphoeTh: "",
        provinceId: row.id,
        foundedYear: 0,
        memberCount: 0,
        communitySage: "",
        verificationStatus: "DRAFT",
        memberships: { create: { userId: input.userId, role: "OWNER" } },
      },
      select: { id: true, slug: true },
    });
    await recordAudit(tx, {
      actorId: input.userId,
      groupId: group.id,
      action: "group.application.start",
      subjectType: "OccupationGroup",
      subjectId: group.id,
      after: { nameTh: input.nameTh, province: province.nameTh },
    });
    return group;
  });
}

/** Locks the group and checks the applicant may still change it. */
async function lockEditable(client: Client, groupId: string) {
  const [group] = await client.$queryRaw<{ verificationStatus: string }[]>`
    SELECT "verificationStatus" FROM "OccupationGroup" WHERE id = ${groupId} FOR UPDATE`;
  if (!group) throw new NotInGroupError("group");
  if (!editable.has(group.verificationStatus)) throw new GroupLockedError(group.verificationStatus);
}

/** Saves one step of an application still in DRAFT or RETURNED. */
export async function saveApplication(input: { groupId: string; actorId: string; patch: GroupDetailsPatch }, client?: Client) {
  const location = await locationOf(input.patch);
  return inTransaction(client, async (tx) => {
    await lockEditable(tx, input.groupId);
    await writeGroupDetails(tx, { ...input, location, action: `group.application.${input.patch.step}` });
  });
}

/**
 * Sends the application to staff: PENDING, with an OPEN verification request carrying the
 * group's answer to staff's last reasons, if it was returned. Refused while a step is missing.
 */
export async function submitApplication(input: { groupId: string; actorId: string; answer?: string | null }, client?: Client) {
  return inTransaction(client, async (tx) => {
    await lockEditable(tx, input.groupId);
    const application = await tx.occupationGroup.findUniqueOrThrow({ where: { id: input.groupId }, select: applicationSelect });
    const done = stepsDone(application);
    const missing = applicationSteps.filter((step) => !done[step]);
    if (missing.length > 0) throw new ApplicationIncompleteError(missing);
    const now = new Date();
    await tx.occupationGroup.update({ where: { id: input.groupId }, data: { verificationStatus: "PENDING", submittedAt: now } });
    const request = await tx.verificationRequest.create({
      data: { groupId: input.groupId, kind: "APPLICATION", answer: input.answer?.trim() || null },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: input.groupId,
      action: application.verificationStatus === "RETURNED" ? "group.application.resubmit" : "group.application.submit",
      subjectType: "VerificationRequest",
      subjectId: request.id,
      before: { status: application.verificationStatus },
      after: { status: "PENDING" },
    });
    return request;
  });
}

export type { Place };
