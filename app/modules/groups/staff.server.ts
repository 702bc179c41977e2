/** What social-enterprise staff see of groups: all of them, whatever their status, and counts over them. */
import { db } from "~/db/client.server";
import type { Client } from "~/db/transaction.server";
import type { VerificationStatus } from "~/generated/prisma/enums";
import { verificationStatuses } from "./statuses";

export function groupsForStaff({ status, provinceSlug }: { status?: VerificationStatus | null; provinceSlug?: string | null } = {}, client: Client = db()) {
  return client.occupationGroup.findMany({
    where: { ...(status ? { verificationStatus: status } : {}), ...(provinceSlug ? { province: { slug: provinceSlug } } : {}) },
    orderBy: [{ verificationStatus: "asc" }, { nameTh: "asc" }],
    select: {
      id: true,
      slug: true,
      nameTh: true,
      nameEn: true,
      verificationStatus: true,
      suspendedReason: true,
      province: { select: { slug: true, nameTh: true, nameEn: true } },
      _count: { select: { products: true } },
    },
  });
}

type StatusCounts = Record<(typeof verificationStatuses)[number], number>;

const noCounts = (): StatusCounts => ({ DRAFT: 0, PENDING: 0, RETURNED: 0, VERIFIED: 0, SUSPENDED: 0 });

/**
 * Groups by province and by status, and how many groups have sold at least once (a group order
 * of theirs was delivered). Provinces with no group are left out.
 */
export async function staffOverview(client: Client = db()) {
  const [cells, provinces, sold] = await Promise.all([
    client.occupationGroup.groupBy({ by: ["provinceId", "verificationStatus"], _count: { _all: true } }),
    client.province.findMany({ where: { groups: { some: {} } }, select: { id: true, slug: true, nameTh: true, nameEn: true } }),
    client.occupationGroup.count({ where: { groupOrders: { some: { status: "DELIVERED" } } } }),
  ]);
  const byStatus = noCounts();
  const byProvince = new Map(provinces.map((province) => [province.id, { ...province, counts: noCounts(), total: 0 }]));
  for (const cell of cells) {
    const count = cell._count._all;
    byStatus[cell.verificationStatus] += count;
    const row = byProvince.get(cell.provinceId);
    if (row) {
      row.counts[cell.verificationStatus] += count;
      row.total += count;
    }
  }
  const total = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
  return {
    total,
    soldAtLeastOnce: sold,
    byStatus,
    // Most groups first, then by Thai name, so the chart's longest bars lead.
    byProvince: [...byProvince.values()]
      .sort((a, b) => b.total - a.total || a.nameTh.localeCompare(b.nameTh, "th"))
      .map(({ id: _id, ...row }) => row),
  };
}
