/**
 * Who may act for an occupation group. Roles are ranked: an OWNER may do what a
 * MANAGER may, a MANAGER what a MEMBER may. A user's platform role never grants
 * group rights; only a membership of that very group does. One seat on the
 * group's committee adds a right of its own: the elected treasurer confirms that
 * a buyer's money reached the group, whatever their permission role.
 */
import type { CommitteeRole, GroupRole } from "~/generated/prisma/enums";

const rank: Record<GroupRole, number> = { MEMBER: 1, MANAGER: 2, OWNER: 3 };

export interface Membership {
  groupId: string;
  role: GroupRole;
  /** The member's seat on the group's committee, set on the members page. */
  committeeRole?: CommitteeRole | null;
}

export function hasGroupRole(memberships: readonly Membership[], groupId: string, atLeast: GroupRole): boolean {
  return memberships.some((membership) => membership.groupId === groupId && rank[membership.role] >= rank[atLeast]);
}

/**
 * May confirm receipt of money paid straight to the group (PromptPay to its own id, cash on
 * pickup): its managers and owners, and the member who holds the committee's treasurer seat —
 * the person who sees the group's bank account. Refunds and every other move stay with managers.
 */
export function mayConfirmPayments(memberships: readonly Membership[], groupId: string): boolean {
  return (
    hasGroupRole(memberships, groupId, "MANAGER") ||
    memberships.some((membership) => membership.groupId === groupId && membership.committeeRole === "TREASURER")
  );
}
