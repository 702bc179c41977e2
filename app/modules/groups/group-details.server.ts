/**
 * Writing what a group says about itself (names, story, place, people, contacts,
 * certifications), shared by the application (while it is a draft or returned) and the profile
 * page of a verified group, so both keep the same rules. Each write is audited with what it was
 * before; a change buyers see under the group's name or province re-indexes its products.
 */
import type { Client } from "~/db/transaction.server";
import type { Prisma } from "~/generated/prisma/client";
import type { CommitteeRole } from "~/generated/prisma/enums";
import { recordAudit } from "~/modules/audit/audit.server";
import { groupProductsChanged } from "~/modules/catalog/changes.server";
import { enqueue } from "~/modules/outbox/outbox.server";
import { checkLocation, provinceRow, type Location } from "./places.server";

/**
 * What the application, the profile and staff's review read of a group's details (names, story,
 * place, people, contacts, payout details, province, committee): one list, so the three pages
 * never disagree about what a group told us.
 */
export const groupDetailsSelect = {
  id: true,
  slug: true,
  nameTh: true,
  nameEn: true,
  storyTh: true,
  storyEn: true,
  villageTh: true,
  villageEn: true,
  tambonTh: true,
  amphoeTh: true,
  foundedYear: true,
  memberCount: true,
  communitySage: true,
  phone: true,
  lineId: true,
  facebookPage: true,
  promptPayId: true,
  payoutBankCode: true,
  payoutAccountNo: true,
  payoutAccountName: true,
  verificationStatus: true,
  province: { select: { nameTh: true, nameEn: true } },
  committee: { orderBy: { position: "asc" }, select: { role: true, name: true } },
} satisfies Prisma.OccupationGroupSelect;

/** A group's documents as its pages list them, oldest first. */
export const groupDocumentsSelect = {
  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  select: { id: true, kind: true, fileName: true, contentType: true, sizeBytes: true },
} satisfies Prisma.OccupationGroup$documentsArgs;

export type GroupDetailsPatch =
  | { step: "names"; nameTh: string; nameEn?: string | null; storyTh?: string | null; storyEn?: string | null }
  | { step: "place"; village: string; villageEn?: string | null; province: string; district: string; subdistrict: string }
  | { step: "people"; foundedYear: number; memberCount: number; communitySage: string; committee: { role: CommitteeRole; name: string }[] }
  | { step: "contacts"; phone: string; lineId: string | null; facebookPage: string | null }
  | { step: "certifications"; certifications: string[] };

/** The checked location of a "place" patch (done before any transaction opens); null for other steps. */
export async function locationOf(patch: GroupDetailsPatch): Promise<Location | null> {
  return patch.step === "place" ? checkLocation(patch) : null;
}

/** Writes one patch in the caller's transaction; the caller has locked the group and checked its status. */
export async function writeGroupDetails(
  tx: Client,
  input: { groupId: string; actorId: string; patch: GroupDetailsPatch; location: Location | null; action: string },
) {
  const { patch } = input;
  let data: Record<string, unknown> = {};
  let extra: Record<string, unknown> = {};
  switch (patch.step) {
    case "names":
      data = { nameTh: patch.nameTh, nameEn: patch.nameEn ?? "", storyTh: patch.storyTh ?? "", storyEn: patch.storyEn ?? "" };
      break;
    case "place": {
      const location = input.location!;
      const province = await provinceRow(tx, location.province);
      data = {
        villageTh: patch.village,
        villageEn: patch.villageEn ?? "",
        tambonTh: location.subdistrict.nameTh,
        tambonEn: location.subdistrict.nameEn,
        amphoeTh: location.district.nameTh,
        amphoeEn: location.district.nameEn,
        provinceId: province.id,
      };
      break;
    }
    case "people":
      data = { foundedYear: patch.foundedYear, memberCount: patch.memberCount, communitySage: patch.communitySage };
      await tx.committeeMember.deleteMany({ where: { groupId: input.groupId } });
      await tx.committeeMember.createMany({
        data: patch.committee.map((member, position) => ({ groupId: input.groupId, role: member.role, name: member.name, position })),
      });
      extra = { committee: patch.committee };
      break;
    case "contacts":
      data = { phone: patch.phone, lineId: patch.lineId, facebookPage: patch.facebookPage };
      break;
    case "certifications": {
      const known = await tx.certification.findMany({ where: { slug: { in: patch.certifications } }, select: { id: true, slug: true } });
      const before = await tx.groupCertification.findMany({ where: { groupId: input.groupId }, select: { certification: { select: { slug: true } } } });
      await tx.groupCertification.deleteMany({ where: { groupId: input.groupId } });
      await tx.groupCertification.createMany({ data: known.map((certification) => ({ groupId: input.groupId, certificationId: certification.id })) });
      await recordAudit(tx, {
        actorId: input.actorId,
        groupId: input.groupId,
        action: input.action,
        subjectType: "OccupationGroup",
        subjectId: input.groupId,
        before: { certifications: before.map((row) => row.certification.slug).sort() },
        after: { certifications: known.map((row) => row.slug).sort() },
      });
      await enqueue(tx, "PAGE_CACHE", { reason: "group" });
      return;
    }
  }
  const before = await tx.occupationGroup.findUniqueOrThrow({
    where: { id: input.groupId },
    select: Object.fromEntries(Object.keys(data).map((key) => [key, true])),
  });
  await tx.occupationGroup.update({ where: { id: input.groupId }, data });
  await recordAudit(tx, {
    actorId: input.actorId,
    groupId: input.groupId,
    action: input.action,
    subjectType: "OccupationGroup",
    subjectId: input.groupId,
    before: before as never,
    after: { ...data, ...extra } as never,
  });
  // Search indexes each product under its group's name and province; the group page shows the rest.
  const searchable = ["nameTh", "nameEn", "provinceId"].some((key) => key in data && (before as Record<string, unknown>)[key] !== data[key]);
  if (searchable) await groupProductsChanged(tx, input.groupId);
  else await enqueue(tx, "PAGE_CACHE", { reason: "group" });
}
