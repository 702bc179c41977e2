import { describe, expect, it } from "vitest";
import { InvalidPriceError, priceBreakdown } from "./price-breakdown";

describe("priceBreakdown", () => {
  it("gives the whole price to the group when the fee is 0 %", () => {
    expect(priceBreakdown({ priceSatang: 437_500, platformFeePercent: 0 })).toMatchObject({ platformFeeSatang: 0, groupSatang: 437_500 });
  });

  it("takes the configured percentage", () => {
    expect(priceBreakdown({ priceSatang: 10_000, platformFeePercent: 5 })).toMatchObject({ platformFeeSatang: 500, groupSatang: 9_500 });
  });

  it("rounds the fee down, so a fraction of a satang stays with the group", () => {
    // 2.5 % of 999 satang is 24.975 satang
    expect(priceBreakdown({ priceSatang: 999, platformFeePercent: 2.5 })).toMatchObject({ platformFeeSatang: 24, groupSatang: 975 });
  });

  it("is not fooled by float noise in the rate (0.1 + 0.2)", () => {
    // 0.30000000000000004 % of 1 000 000 satang is 3 000 satang, not 3 000.0000000000005 floored oddly
    expect(priceBreakdown({ priceSatang: 1_000_000, platformFeePercent: 0.1 + 0.2 }).platformFeeSatang).toBe(3_000);
  });

  it("always adds back up to the price", () => {
    for (const price of [1, 7, 99, 12_345, 999_999]) {
      for (const percent of [0, 1.5, 3, 7.25, 100]) {
        const b = priceBreakdown({ priceSatang: price, platformFeePercent: percent });
        expect(b.platformFeeSatang + b.groupSatang).toBe(price);
        expect(b.platformFeeSatang).toBeLessThanOrEqual((price * percent) / 100);
      }
    }
  });

  it("refuses fractional satang and rates outside 0–100", () => {
    expect(() => priceBreakdown({ priceSatang: 10.5, platformFeePercent: 0 })).toThrow(InvalidPriceError);
    expect(() => priceBreakdown({ priceSatang: 100, platformFeePercent: 101 })).toThrow(InvalidPriceError);
    expect(() => priceBreakdown({ priceSatang: -1, platformFeePercent: 0 })).toThrow(InvalidPriceError);
  });
});
