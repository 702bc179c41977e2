import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priceBreakdown } from "~/modules/payouts/price-breakdown";
import { splitProportionally } from "./split";

describe("splitProportionally", () => {
  it("splits by weight with the remainder going to the largest fractions", () => {
    expect(splitProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitProportionally(365, [437_500, 7_000])).toEqual([359, 6]);
    expect(splitProportionally(0, [5, 5])).toEqual([0, 0]);
    expect(splitProportionally(7, [0, 0])).toEqual([4, 3]);
  });

  it("never creates or loses a satang, and never gives a part more than its share rounded up (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 12 }), (amount, weights) => {
        const parts = splitProportionally(amount, weights);
        expect(parts.reduce((sum, part) => sum + part, 0)).toBe(amount);
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        parts.forEach((part, index) => {
          expect(Number.isInteger(part) && part >= 0).toBe(true);
          if (total > 0) expect(Math.abs(part - (amount * weights[index]) / total)).toBeLessThan(1);
        });
      }),
    );
  });
});

describe("the fee split of a group order (property)", () => {
  it("total = group's share + platform fee + provider fee, to the satang, for random totals and rates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => basisPoints / 100),
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 400 }).map((basisPoints) => basisPoints / 100),
        (_unused, feePercent, groupTotals, providerPercent) => {
          const paid = groupTotals.reduce((sum, total) => sum + total, 0);
          // A provider's fee on the whole payment (e.g. 3.65 %), rounded as providers do, then shared out.
          const providerFee = Math.round((paid * providerPercent) / 100);
          const providerShares = splitProportionally(providerFee, groupTotals);
          groupTotals.forEach((total, index) => {
            const platformFee = priceBreakdown({ priceSatang: total, platformFeePercent: feePercent }).platformFeeSatang;
            const share = total - platformFee - providerShares[index];
            expect(share + platformFee + providerShares[index]).toBe(total);
            expect(platformFee).toBe(Math.floor((total * Math.round(feePercent * 100)) / 10_000));
          });
          expect(providerShares.reduce((sum, part) => sum + part, 0)).toBe(providerFee);
        },
      ),
    );
  });
});
