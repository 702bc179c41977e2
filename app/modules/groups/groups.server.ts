/**
 * Occupation groups as the public sees them: verified groups with their story,
 * committee, certifications and products. Owns OccupationGroup, Province,
 * CommitteeMember and GroupMembership.
 */
import { db } from "~/db/client.server";
import { imageSelect, productImageSelect } from "~/modules/media/selects";

const cardSelect = {
  id: true,
  slug: true,
  nameTh: true,
  nameEn: true,
  villageTh: true,
  villageEn: true,
  memberCount: true,
  otopStars: true,
  province: { select: { slug: true, nameTh: true, nameEn: true } },
  coverImage: imageSelect,
} as const;

export type GroupCard = Awaited<ReturnType<typeof verifiedGroups>>[number];

export function verifiedGroups({ limit }: { limit: number }) {
  return db().occupationGroup.findMany({
    where: { verificationStatus: "VERIFIED" },
    orderBy: [{ nameTh: "asc" }],
    take: limit,
    select: cardSelect,
  });
}

export function groupPage(slug: string) {
  return db().occupationGroup.findFirst({
    where: { slug, verificationStatus: "VERIFIED" },
    select: {
      ...cardSelect,
      storyTh: true,
      storyEn: true,
      tambonTh: true,
      tambonEn: true,
      amphoeTh: true,
      amphoeEn: true,
      foundedYear: true,
      communitySage: true,
      committee: { orderBy: { position: "asc" }, select: { role: true, name: true } },
      certifications: { select: { certification: { select: { slug: true, nameTh: true, nameEn: true } } } },
      products: {
        where: { status: "ACTIVE" },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: {
          id: true,
          slug: true,
          titleTh: true,
          titleEn: true,
          priceSatang: true,
          unitTh: true,
          unitEn: true,
          stock: true,
          madeToOrder: true,
          leadTimeDays: true,
          category: { select: { slug: true } },
          images: productImageSelect,
        },
      },
    },
  });
}

/** A group by slug for its workspace, whatever its verification status. */
export function groupBySlug(slug: string) {
  return db().occupationGroup.findUnique({ where: { slug }, select: { id: true, slug: true, nameTh: true, nameEn: true } });
}
