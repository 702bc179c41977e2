import { describe, expect, it } from "vitest";
import { GROUP_ORDER_STATUSES, IllegalTransitionError, buyerMayCancel, checkTransition, nextStatuses } from "./status";

describe("the group order state machine", () => {
  it("walks a delivery order from new to delivered", () => {
    const path = ["NEW", "ACCEPTED", "IN_PRODUCTION", "PACKED", "SHIPPED", "DELIVERED"] as const;
    for (let i = 1; i < path.length; i++) {
      expect(() => checkTransition(path[i - 1], path[i], false, { carrier: "KERRY", trackingNumber: "KEX123" })).not.toThrow();
    }
  });

  it("refuses every jump the table does not allow, including going back", () => {
    const allowed = new Set(["NEW>ACCEPTED", "NEW>CANCELLED", "ACCEPTED>IN_PRODUCTION", "ACCEPTED>PACKED", "ACCEPTED>CANCELLED", "IN_PRODUCTION>PACKED", "IN_PRODUCTION>CANCELLED", "PACKED>SHIPPED", "PACKED>READY_FOR_PICKUP", "PACKED>CANCELLED", "SHIPPED>DELIVERED", "READY_FOR_PICKUP>DELIVERED"]);
    for (const from of GROUP_ORDER_STATUSES) {
      for (const to of GROUP_ORDER_STATUSES) {
        const ok = (() => {
          try {
            checkTransition(from, to, to === "READY_FOR_PICKUP", { carrier: "c", trackingNumber: "t", reason: "r" });
            return true;
          } catch (error) {
            expect(error).toBeInstanceOf(IllegalTransitionError);
            return false;
          }
        })();
        expect(ok, `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
  });

  it("ships delivery orders with a carrier and tracking number, and hands pickup orders over at the counter", () => {
    expect(() => checkTransition("PACKED", "SHIPPED", false, {})).toThrow(expect.objectContaining({ reason: "needsTracking" }));
    expect(() => checkTransition("PACKED", "SHIPPED", true, { carrier: "x", trackingNumber: "y" })).toThrow(expect.objectContaining({ reason: "needsDelivery" }));
    expect(() => checkTransition("PACKED", "READY_FOR_PICKUP", false)).toThrow(expect.objectContaining({ reason: "needsPickup" }));
    expect(nextStatuses("PACKED", true)).toEqual(["READY_FOR_PICKUP", "CANCELLED"]);
    expect(nextStatuses("PACKED", false)).toEqual(["SHIPPED", "CANCELLED"]);
  });

  it("needs a reason to cancel", () => {
    expect(() => checkTransition("NEW", "CANCELLED", false, { reason: "  " })).toThrow(expect.objectContaining({ reason: "needsReason" }));
  });

  it("lets the buyer cancel only while every group order is new", () => {
    expect(buyerMayCancel(["NEW", "NEW"])).toBe(true);
    expect(buyerMayCancel(["NEW", "ACCEPTED"])).toBe(false);
    expect(buyerMayCancel([])).toBe(false);
  });
});
