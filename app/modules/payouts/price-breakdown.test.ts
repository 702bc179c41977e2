import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidPriceError, priceBreakdown } from "./price-breakdown";

/**
 * The fee worked out another way, in exact integer arithmetic: `percent` is given as whole basis
 * points (2.5 % = 250), so the only rounding is the floor of a BigInt division.
 */
function expectedFee(priceSatang: number, basisPoints: number): number {
  return Number((BigInt(priceSatang) * BigInt(basisPoints)) / 10_000n);
}

describe("priceBreakdown", () => {
  // Worked by hand: price × rate, then any fraction of a satang dropped (it stays with the group).
  it.each([
    { price: 437_500, percent: 0, fee: 0, why: "no fee: the group gets everything" },
    { price: 437_500, percent: 100, fee: 437_500, why: "the whole price is fee" },
    { price: 10_000, percent: 5, fee: 500, why: "exact: 5 % of ฿100 is ฿5" },
    { price: 999, percent: 2.5, fee: 24, why: "24.975 → 24" },
    { price: 1, percent: 99.99, fee: 0, why: "0.9999 of a satang → nothing" },
    { price: 3, percent: 50, fee: 1, why: "1.5 → 1: the odd satang stays with the group" },
    { price: 7, percent: 33.33, fee: 2, why: "2.3331 → 2" },
    { price: 12_345, percent: 7.25, fee: 895, why: "895.0125 → 895" },
    { price: 199, percent: 10, fee: 19, why: "19.9 → 19, not rounded up to 20" },
    { price: 1_000_000, percent: 0.01, fee: 100, why: "one basis point" },
    { price: 0, percent: 37, fee: 0, why: "a free sample costs nothing" },
  ])("$price satang at $percent % is a fee of $fee satang ($why)", ({ price, percent, fee }) => {
    expect(priceBreakdown({ priceSatang: price, platformFeePercent: percent })).toEqual({
      priceSatang: price,
      platformFeePercent: percent,
      platformFeeSatang: fee,
      groupSatang: price - fee,
    });
  });

  it("is not fooled by float noise in the rate", () => {
    // 0.1 + 0.2 is 0.30000000000000004 %; 0.3 % of ฿10,000 is exactly 3,000 satang.
    expect(priceBreakdown({ priceSatang: 1_000_000, platformFeePercent: 0.1 + 0.2 }).platformFeeSatang).toBe(3_000);
    // 1.15 * 100 is 114.99999999999999 in floating point; 1.15 % of 10,000 satang is 115.
    expect(priceBreakdown({ priceSatang: 10_000, platformFeePercent: 1.15 }).platformFeeSatang).toBe(115);
    // 4.35 * 100 is 434.99999999999994; 4.35 % of 20,000 satang is 870.
    expect(priceBreakdown({ priceSatang: 20_000, platformFeePercent: 4.35 }).platformFeeSatang).toBe(870);
    // Worked in percent, 10,000 × 0.57 / 100 is 56.99999999999999; 0.57 % of ฿100 is 57 satang.
    expect(priceBreakdown({ priceSatang: 10_000, platformFeePercent: 0.57 }).platformFeeSatang).toBe(57);
  });

  it("agrees with exact integer arithmetic for any whole-satang price and any rate in basis points", () => {
    fc.assert(
      fc.property(
        // Up to ฿9 billion (far beyond any price or order; price × 10,000 is still exact in a double).
        // Whole baht and round hundreds are drawn often: there the fee is a whole number of satang,
        // which is where float noise in the rate would floor it one satang short.
        fc.oneof(
          fc.integer({ min: 0, max: 900_000_000_000 }),
          fc.integer({ min: 0, max: 9_000_000_000 }).map((baht) => baht * 100),
          fc.integer({ min: 0, max: 90_000_000 }).map((hundreds) => hundreds * 10_000),
        ),
        fc.integer({ min: 0, max: 10_000 }),
        (priceSatang, basisPoints) => {
          const breakdown = priceBreakdown({ priceSatang, platformFeePercent: basisPoints / 100 });
          const fee = expectedFee(priceSatang, basisPoints);
          expect(breakdown.platformFeeSatang).toBe(fee);
          expect(breakdown.groupSatang).toBe(priceSatang - fee);
          expect(Number.isInteger(breakdown.platformFeeSatang)).toBe(true);
        },
      ),
      { seed: 20_261_128, numRuns: 2_000 },
    );
  });

  it("refuses fractional satang and rates outside 0–100", () => {
    expect(() => priceBreakdown({ priceSatang: 10.5, platformFeePercent: 0 })).toThrow(InvalidPriceError);
    expect(() => priceBreakdown({ priceSatang: -1, platformFeePercent: 0 })).toThrow(InvalidPriceError);
    expect(() => priceBreakdown({ priceSatang: Number.NaN, platformFeePercent: 0 })).toThrow(InvalidPriceError);
    expect(() => priceBreakdown({ priceSatang: 100, platformFeePercent: 101 })).toThrow(InvalidPriceError);
    expect(() => priceBreakdown({ priceSatang: 100, platformFeePercent: -0.5 })).toThrow(InvalidPriceError);
    expect(() => priceBreakdown({ priceSatang: 100, platformFeePercent: Number.NaN })).toThrow(InvalidPriceError);
  });
});
