/**
 * Which shipping kinds are a pickup (the buyer comes to the group) rather than a delivery: one
 * rule for checkout (no address needed), the state machine (READY_FOR_PICKUP instead of SHIPPED)
 * and the pages.
 */
import type { ShippingKind } from "~/generated/prisma/enums";

const PICKUP_KINDS: readonly ShippingKind[] = ["PICKUP_CENTRE", "PICKUP_MARKET"];

export function isPickupKind(kind: ShippingKind): boolean {
  return PICKUP_KINDS.includes(kind);
}
