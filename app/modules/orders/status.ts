/**
 * The group order's life, as a table: which status may follow which, and what each move
 * needs. One home for the rule; the inbox offers only the moves allowed here, and the server
 * refuses anything else (a forged "delivered → new" is an IllegalTransitionError).
 *
 *   NEW → ACCEPTED → [IN_PRODUCTION →] PACKED → SHIPPED (delivery) ─┐
 *                                            → READY_FOR_PICKUP ────┴→ DELIVERED
 *   any status before SHIPPED/READY_FOR_PICKUP → CANCELLED (with a reason)
 */
import type { GroupOrderStatus } from "~/generated/prisma/enums";

export const GROUP_ORDER_STATUSES = ["NEW", "ACCEPTED", "IN_PRODUCTION", "PACKED", "SHIPPED", "READY_FOR_PICKUP", "DELIVERED", "CANCELLED"] as const satisfies readonly GroupOrderStatus[];

const next: Record<GroupOrderStatus, readonly GroupOrderStatus[]> = {
  NEW: ["ACCEPTED", "CANCELLED"],
  ACCEPTED: ["IN_PRODUCTION", "PACKED", "CANCELLED"],
  IN_PRODUCTION: ["PACKED", "CANCELLED"],
  PACKED: ["SHIPPED", "READY_FOR_PICKUP", "CANCELLED"],
  SHIPPED: ["DELIVERED"],
  READY_FOR_PICKUP: ["DELIVERED"],
  DELIVERED: [],
  CANCELLED: [],
};

export class IllegalTransitionError extends Error {
  readonly name = "IllegalTransitionError";
  constructor(
    readonly from: GroupOrderStatus,
    readonly to: GroupOrderStatus,
    readonly reason: "notNext" | "needsPickup" | "needsDelivery" | "needsTracking" | "needsReason" = "notNext",
  ) {
    super(`A group order cannot go from ${from} to ${to} (${reason})`);
  }
}

/** The moves a group may make from `status`, given whether the buyer picks the order up. */
export function nextStatuses(status: GroupOrderStatus, pickup: boolean): GroupOrderStatus[] {
  return next[status].filter((to) => (to === "SHIPPED" ? !pickup : to === "READY_FOR_PICKUP" ? pickup : true));
}

export interface TransitionDetails {
  carrier?: string | null;
  trackingNumber?: string | null;
  reason?: string | null;
}

/** Throws IllegalTransitionError unless `from → to` is allowed with these details. */
export function checkTransition(from: GroupOrderStatus, to: GroupOrderStatus, pickup: boolean, details: TransitionDetails = {}): void {
  if (!next[from].includes(to)) throw new IllegalTransitionError(from, to);
  if (to === "SHIPPED" && pickup) throw new IllegalTransitionError(from, to, "needsDelivery");
  if (to === "READY_FOR_PICKUP" && !pickup) throw new IllegalTransitionError(from, to, "needsPickup");
  if (to === "SHIPPED" && (!details.carrier || !details.trackingNumber)) throw new IllegalTransitionError(from, to, "needsTracking");
  if (to === "CANCELLED" && !details.reason?.trim()) throw new IllegalTransitionError(from, to, "needsReason");
}

/** Where the group order stands for the buyer: still open, done, or cancelled. */
export function isClosed(status: GroupOrderStatus): boolean {
  return status === "DELIVERED" || status === "CANCELLED";
}

/** A buyer may cancel the whole order only while no group has accepted any part of it. */
export function buyerMayCancel(statuses: readonly GroupOrderStatus[]): boolean {
  return statuses.length > 0 && statuses.every((status) => status === "NEW");
}
