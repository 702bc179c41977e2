/**
 * How a product's price divides between the platform and the group that made
 * it, shown on the product page so a buyer sees what reaches the makers. The
 * fee is worked out in basis points on integer satang, so no float ever touches
 * money, and it is rounded down: any fraction of a satang stays with the group.
 */

export interface PriceBreakdown {
  priceSatang: number;
  platformFeeSatang: number;
  /** What the group receives before any payment-provider fee. */
  groupSatang: number;
  /** The platform's percentage as configured, for display. */
  platformFeePercent: number;
}

export class InvalidPriceError extends Error {
  readonly name = "InvalidPriceError";
}

export function priceBreakdown(input: { priceSatang: number; platformFeePercent: number }): PriceBreakdown {
  const { priceSatang, platformFeePercent } = input;
  if (!Number.isSafeInteger(priceSatang) || priceSatang < 0) throw new InvalidPriceError(`price must be whole satang ≥ 0, got ${priceSatang}`);
  if (!(platformFeePercent >= 0 && platformFeePercent <= 100)) throw new InvalidPriceError(`fee must be 0–100 %, got ${platformFeePercent}`);
  // 2.5 % → 250 basis points; rounding the rate itself keeps 0.1 + 0.2 style float noise out.
  const basisPoints = Math.round(platformFeePercent * 100);
  const platformFeeSatang = Math.floor((priceSatang * basisPoints) / 10_000);
  return { priceSatang, platformFeeSatang, groupSatang: priceSatang - platformFeeSatang, platformFeePercent };
}

/**
 * What each way of paying costs the group, as far as it is known today.
 * PromptPay straight to the group's account costs nothing; card fees depend on
 * the provider chosen in the payment issue, so they are shown at checkout.
 */
export const paymentFees: readonly { method: "promptpay" | "card"; feeSatang: number | null }[] = [
  { method: "promptpay", feeSatang: 0 },
  { method: "card", feeSatang: null },
];
