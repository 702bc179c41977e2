/**
 * Which occupation groups buyers may see: the one home of that rule. Only a group staff have
 * verified is shown or sells; a pending or suspended group is invisible everywhere buyers look
 * (pages, listings, search, sitemap, collections), and so are its products (see
 * catalog/visibility.ts, which builds on this).
 */
import type { Prisma } from "~/generated/prisma/client";

export const visibleGroups = { verificationStatus: "VERIFIED" } as const satisfies Prisma.OccupationGroupWhereInput;

export function isVisibleGroup(group: { verificationStatus: string }): boolean {
  return group.verificationStatus === visibleGroups.verificationStatus;
}
