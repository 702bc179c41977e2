/**
 * Occupation groups as the public sees them: verified groups with their story,
 * committee, certifications and products. Owns OccupationGroup, Province,
 * CommitteeMember and GroupMembership.
 */
import { db } from "~/db/client.server";
import { referenceData } from "~/lib/reference-data.server";
import { provincesInRegionOf } from "./regions";
import { cardSelect as productCardSelect } from "~/modules/catalog/catalog.server";
import { imageSelect } from "~/modules/media/selects";
import { visibleProducts } from "~/modules/catalog/visibility";
import { visibleGroups } from "./visibility";

const { group: _group, ...productCardWithoutGroup } = productCardSelect;

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

// The card less its cover: for the home page's lists, which show no pictures.
const { coverImage: _cover, ...listSelect } = cardSelect;

export type GroupCard = Awaited<ReturnType<typeof verifiedGroups>>[number];

export function verifiedGroups({ limit }: { limit: number }) {
  return db().occupationGroup.findMany({
    where: visibleGroups,
    orderBy: [{ nameTh: "asc" }],
    take: limit,
    select: cardSelect,
  });
}

/** How many groups a page of the group directory (/groups) shows. */
export const DIRECTORY_PAGE_SIZE = 24;

/**
 * One page of every verified group, by name, with covers: the directory the home page links to
 * instead of listing every group itself. `page` past the last is an empty page.
 */
export async function groupDirectory({ page }: { page: number }) {
  const [groups, total] = await Promise.all([
    db().occupationGroup.findMany({
      where: visibleGroups,
      orderBy: [{ nameTh: "asc" }, { id: "asc" }],
      skip: (page - 1) * DIRECTORY_PAGE_SIZE,
      take: DIRECTORY_PAGE_SIZE,
      select: cardSelect,
    }),
    db().occupationGroup.count({ where: visibleGroups }),
  ]);
  return { groups, total, page, pageCount: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)) };
}

/** Verified groups for a list without pictures (the home page's): the card less its cover, which would only weigh down the page's data. */
export function verifiedGroupList({ limit }: { limit: number }) {
  return db().occupationGroup.findMany({ where: visibleGroups, orderBy: [{ nameTh: "asc" }], take: limit, select: listSelect });
}

export function groupPage(slug: string) {
  return db().occupationGroup.findFirst({
    where: { slug, ...visibleGroups },
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
      communitySageEn: true,
      committee: { orderBy: { position: "asc" }, select: { role: true, name: true, nameEn: true } },
      certifications: { select: { certification: { select: { slug: true, nameTh: true, nameEn: true, meaningTh: true, meaningEn: true } } } },
      products: {
        where: { status: visibleProducts.status, hiddenAt: visibleProducts.hiddenAt },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        // The catalog's card without the group: this page is the group.
        select: productCardWithoutGroup,
      },
    },
  });
}

/** A group by slug for its workspace, whatever its verification status. */
export function groupBySlug(slug: string) {
  return db().occupationGroup.findUnique({ where: { slug }, select: { id: true, slug: true, nameTh: true, nameEn: true } });
}

/** Provinces that have at least one verified group, for the province chooser and province pages. */
export function provincesWithGroups() {
  return referenceData("provinces-with-groups", () =>
    db().province.findMany({
      where: { groups: { some: visibleGroups } },
      orderBy: { nameTh: "asc" },
      select: { slug: true, nameTh: true, nameEn: true },
    }),
  );
}

/**
 * Groups near a buyer: those in their province first, then the rest of its
 * region (a static map, regions.ts), nearest first, each part by name.
 */
export async function groupsNear({ provinceSlug, limit }: { provinceSlug: string; limit: number }) {
  // Two bounded queries rather than one over the whole region: a large region has
  // hundreds of groups, and a cut by name across it could drop the buyer's own.
  const nearby = provincesInRegionOf(provinceSlug).filter((slug) => slug !== provinceSlug);
  const verifiedIn = (provinces: string[]) =>
    db().occupationGroup.findMany({
      where: { ...visibleGroups, province: { slug: { in: provinces } } },
      orderBy: [{ nameTh: "asc" }],
      take: limit,
      select: listSelect,
    });
  const [own, region] = await Promise.all([verifiedIn([provinceSlug]), nearby.length > 0 ? verifiedIn(nearby) : []]);
  return { own, region: region.slice(0, Math.max(0, limit - own.length)) };
}

/** The people who can use a group's workspace, owners first. */
export function groupMembers(groupId: string) {
  return db().groupMembership.findMany({
    where: { groupId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { name: true, email: true } } },
  });
}

/** A group's own profile as its workspace shows it, whatever its verification status. */
export function groupProfile(groupId: string) {
  return db().occupationGroup.findUniqueOrThrow({
    where: { id: groupId },
    select: {
      nameTh: true,
      nameEn: true,
      villageTh: true,
      villageEn: true,
      tambonTh: true,
      amphoeTh: true,
      foundedYear: true,
      memberCount: true,
      communitySage: true,
      verificationStatus: true,
      promptPayId: true,
      province: { select: { nameTh: true, nameEn: true } },
      committee: { orderBy: { position: "asc" }, select: { role: true, name: true } },
    },
  });
}
