/**
 * Who may act for an occupation group. Roles are ranked: an OWNER may do what a
 * MANAGER may, a MANAGER what a MEMBER may. A user's platform role never grants
 * group rights; only a membership of that very group does.
 */
import type { GroupRole } from "~/generated/prisma/enums";

const rank: Record<GroupRole, number> = { MEMBER: 1, MANAGER: 2, OWNER: 3 };

export interface Membership {
  groupId: string;
  role: GroupRole;
}

export function hasGroupRole(memberships: readonly Membership[], groupId: string, atLeast: GroupRole): boolean {
  return memberships.some((membership) => membership.groupId === groupId && rank[membership.role] >= rank[atLeast]);
}
