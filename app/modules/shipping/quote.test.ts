import { describe, expect, it } from "vitest";
import { shippingKinds, isPickup } from "./kinds";
import { basketOf, extraKilograms, shippingQuote, type PricedMethod } from "./quote";

const ems: PricedMethod = { kind: "THAILAND_POST_EMS", feeSatang: 5000, perExtraKgSatang: 2000, freeOverSatang: 200_000 };
const kerry: PricedMethod = { kind: "COURIER_KERRY", feeSatang: 3800, perExtraKgSatang: 0, freeOverSatang: null };

describe("shippingQuote", () => {
  it("charges the flat fee for a parcel of up to one kilogram", () => {
    expect(shippingQuote(kerry, { itemsSatang: 45_000, weightGrams: 800 })).toEqual({ feeSatang: 3800, free: false, extraKg: 0 });
    expect(shippingQuote(kerry, { itemsSatang: 45_000, weightGrams: 5_000 })).toEqual({ feeSatang: 3800, free: false, extraKg: 4 });
  });

  it("counts each started kilogram beyond the first: 1000 g is the first kilogram, 1001 g starts a second", () => {
    expect(shippingQuote(ems, { itemsSatang: 10_000, weightGrams: 1000 })).toMatchObject({ feeSatang: 5000, extraKg: 0 });
    expect(shippingQuote(ems, { itemsSatang: 10_000, weightGrams: 1001 })).toMatchObject({ feeSatang: 7000, extraKg: 1 });
    expect(shippingQuote(ems, { itemsSatang: 10_000, weightGrams: 2000 })).toMatchObject({ feeSatang: 7000, extraKg: 1 });
    expect(shippingQuote(ems, { itemsSatang: 10_000, weightGrams: 2001 })).toMatchObject({ feeSatang: 9000, extraKg: 2 });
    expect(shippingQuote(ems, { itemsSatang: 10_000, weightGrams: 0 })).toMatchObject({ feeSatang: 5000, extraKg: 0 });
    expect([1, 999, 1000, 1001, 1999, 2000, 2001, 10_500].map(extraKilograms)).toEqual([0, 0, 0, 1, 1, 1, 2, 10]);
  });

  it("is free when the items reach the free-over amount, whatever the weight, and not one satang below it", () => {
    expect(shippingQuote(ems, { itemsSatang: 199_999, weightGrams: 3500 })).toEqual({ feeSatang: 11_000, free: false, extraKg: 3 });
    expect(shippingQuote(ems, { itemsSatang: 200_000, weightGrams: 3500 })).toEqual({ feeSatang: 0, free: true, extraKg: 0 });
    expect(shippingQuote(ems, { itemsSatang: 200_001, weightGrams: 3500 })).toEqual({ feeSatang: 0, free: true, extraKg: 0 });
  });

  it("never charges a pickup for weight; a free pickup is free", () => {
    const centre: PricedMethod = { kind: "PICKUP_CENTRE", feeSatang: 0, perExtraKgSatang: 2000, freeOverSatang: null };
    const booth: PricedMethod = { kind: "PICKUP_MARKET", feeSatang: 2000, perExtraKgSatang: 0, freeOverSatang: 50_000 };
    expect(shippingQuote(centre, { itemsSatang: 10_000, weightGrams: 12_000 })).toEqual({ feeSatang: 0, free: true, extraKg: 0 });
    expect(shippingQuote(booth, { itemsSatang: 10_000, weightGrams: 12_000 })).toEqual({ feeSatang: 2000, free: false, extraKg: 0 });
    expect(shippingQuote(booth, { itemsSatang: 50_000, weightGrams: 12_000 })).toEqual({ feeSatang: 0, free: true, extraKg: 0 });
  });

  it("works in whole satang only", () => {
    expect(() => shippingQuote(ems, { itemsSatang: 100.5, weightGrams: 10 })).toThrow(RangeError);
    expect(() => shippingQuote(ems, { itemsSatang: 100, weightGrams: -1 })).toThrow(RangeError);
    expect(() => shippingQuote({ ...ems, feeSatang: 49.99 }, { itemsSatang: 100, weightGrams: 10 })).toThrow(RangeError);
  });

  it("prices a basket from its lines", () => {
    const basket = basketOf([
      { unitPriceSatang: 45_000, weightGrams: 600, quantity: 2 },
      { unitPriceSatang: 12_000, weightGrams: 250, quantity: 1 },
    ]);
    expect(basket).toEqual({ itemsSatang: 102_000, weightGrams: 1450 });
    expect(shippingQuote(ems, basket)).toMatchObject({ feeSatang: 7000, extraKg: 1 });
  });
});

describe("pickups", () => {
  it("are exactly the centre and the market booth", () => {
    expect(shippingKinds.filter(isPickup)).toEqual(["PICKUP_CENTRE", "PICKUP_MARKET"]);
  });
});
