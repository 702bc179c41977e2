import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bahtToSatang, checkShippingMethod, satangToBaht, shippingMethodShape } from "./method-fields";

const schema = z.object(shippingMethodShape).superRefine(checkShippingMethod);

describe("fees typed in baht", () => {
  it("become whole satang, with up to two decimals, without floating point", () => {
    expect(bahtToSatang("38")).toBe(3800);
    expect(bahtToSatang("38.5")).toBe(3850);
    expect(bahtToSatang(" 38.05 ")).toBe(3805);
    expect(bahtToSatang("0.29")).toBe(29); // 0.29 * 100 is 28.999… in floating point
    expect(bahtToSatang("1,250.00")).toBe(125_000);
    expect(bahtToSatang("฿40")).toBe(4000);
    for (const bad of ["", "abc", "-5", "38.505", "1e3", "38,5", "1,25", "."]) expect(bahtToSatang(bad)).toBeNull();
  });

  it("are shown back as typed", () => {
    expect([3800, 3850, 3805, 29, 0].map(satangToBaht)).toEqual(["38", "38.50", "38.05", "0.29", "0"]);
  });
});

describe("a shipping method's fields", () => {
  it("parse amounts to satang and refuse amounts above the ceilings", () => {
    expect(schema.parse({ kind: "COURIER_KERRY", fee: "38", perExtraKg: "15.50", freeOver: "2000" })).toMatchObject({ fee: 3800, perExtraKg: 1550, freeOver: 200_000 });
    expect(schema.safeParse({ kind: "COURIER_KERRY", fee: "5000" }).success).toBe(true);
    const tooHigh = schema.safeParse({ kind: "COURIER_KERRY", fee: "5000.01" });
    expect(tooHigh.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["fee", "shipping.errors.fee"]]);
    expect(schema.safeParse({ kind: "TELEPORT", fee: "1" }).error?.issues[0].message).toBe("shipping.errors.kind");
  });

  it("ask a market booth for its schedule and refuse a weight fee on a pickup", () => {
    const booth = schema.safeParse({ kind: "PICKUP_MARKET", fee: "0" });
    expect(booth.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["scheduleTh", "shipping.errors.scheduleRequired"]]);
    const centre = schema.safeParse({ kind: "PICKUP_CENTRE", fee: "0", perExtraKg: "10" });
    expect(centre.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["perExtraKg", "shipping.errors.pickupWeight"]]);
  });
});
