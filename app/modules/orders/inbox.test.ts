import { describe, expect, it } from "vitest";
import { inboxCursor, offeredMoves, parseInboxCursor, paymentState } from "./inbox";

describe("offeredMoves", () => {
  it("offers production only when something is made to order", () => {
    expect(offeredMoves("ACCEPTED", false, false)).toEqual(["PACKED", "CANCELLED"]);
    expect(offeredMoves("ACCEPTED", false, true)).toEqual(["IN_PRODUCTION", "PACKED", "CANCELLED"]);
  });

  it("offers shipping for deliveries and hand-over for pickups, and nothing once finished", () => {
    expect(offeredMoves("PACKED", false, false)).toEqual(["SHIPPED", "CANCELLED"]);
    expect(offeredMoves("PACKED", true, false)).toEqual(["READY_FOR_PICKUP", "CANCELLED"]);
    expect(offeredMoves("DELIVERED", false, true)).toEqual([]);
    expect(offeredMoves("CANCELLED", false, true)).toEqual([]);
  });
});

describe("paymentState", () => {
  const cash = (status: "PENDING" | "SUCCEEDED" | "CANCELLED" | "REFUNDED") => ({ provider: "CASH_ON_PICKUP" as const, status });

  it("reads the group order's own payments first", () => {
    expect(paymentState([cash("PENDING")])).toBe("collect");
    expect(paymentState([cash("SUCCEEDED")])).toBe("paid");
    expect(paymentState([cash("REFUNDED")])).toBe("refunded");
    expect(paymentState([cash("CANCELLED")], "PAID")).toBe("closed");
    expect(paymentState([{ provider: "PROMPTPAY_DIRECT", status: "AWAITING_CONFIRMATION" }])).toBe("slipToCheck");
    expect(paymentState([{ provider: "PROMPTPAY_DIRECT", status: "PENDING" }])).toBe("awaiting");
  });

  it("falls back to the order's status when the basket was paid as one", () => {
    expect(paymentState([], "PAID")).toBe("paid");
    expect(paymentState([], "PENDING_PAYMENT")).toBe("awaiting");
    expect(paymentState([])).toBe("none");
  });
});

describe("the inbox cursor", () => {
  it("round-trips and refuses anything malformed", () => {
    const row = { createdAt: new Date("2026-11-28T05:00:00.123Z"), id: "cmabc123" };
    expect(parseInboxCursor(inboxCursor(row))).toEqual(row);
    for (const bad of [null, "", "abc", "1.2.3", "1700000000000.ID-WITH-CAPS", "1700000000000.x;drop", "9".repeat(16) + ".x"]) {
      expect(parseInboxCursor(bad), String(bad)).toBeNull();
    }
  });
});
