/**
 * What one shipping method costs for one group's part of a basket: pure arithmetic in integer
 * satang, the same in checkout, in the order snapshot and in the workspace's preview.
 *
 *   fee = flat fee + (whole kilograms beyond the first) × fee per extra kilogram
 *   free when the items reach the method's free-over amount ("ซื้อครบ ฿2,000 ส่งฟรี": reaching
 *   the amount counts), and a pickup never charges for weight.
 */
import { isPickup, type ShippingKind } from "./kinds";

export interface PricedMethod {
  kind: ShippingKind;
  feeSatang: number;
  perExtraKgSatang: number;
  freeOverSatang: number | null;
}

export interface Basket {
  /** What the group's items cost together, in satang. */
  itemsSatang: number;
  /** Their total weight (each product's weightGrams × quantity). */
  weightGrams: number;
}

export interface ShippingQuote {
  feeSatang: number;
  /** The buyer pays nothing for this method (a free pickup, or the items reached the free-over amount). */
  free: boolean;
  /** Kilograms charged beyond the first (0 for pickups and for parcels of at most 1 kg). */
  extraKg: number;
}

const GRAMS_PER_KG = 1000;

function wholeSatang(value: number, what: string) {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole, non-negative number (got ${value})`);
}

/** Kilograms beyond the first, each started kilogram counting whole: 1000 g → 0, 1001 g → 1, 2001 g → 2. */
export function extraKilograms(weightGrams: number): number {
  wholeSatang(weightGrams, "weightGrams");
  return Math.max(0, Math.ceil(weightGrams / GRAMS_PER_KG) - 1);
}

export function shippingQuote(method: PricedMethod, basket: Basket): ShippingQuote {
  wholeSatang(basket.itemsSatang, "itemsSatang");
  wholeSatang(method.feeSatang, "feeSatang");
  wholeSatang(method.perExtraKgSatang, "perExtraKgSatang");
  const extraKg = isPickup(method.kind) ? 0 : extraKilograms(basket.weightGrams);
  const freeOver = method.freeOverSatang !== null && basket.itemsSatang >= method.freeOverSatang;
  const feeSatang = freeOver ? 0 : method.feeSatang + extraKg * method.perExtraKgSatang;
  return { feeSatang, free: feeSatang === 0, extraKg: freeOver ? 0 : extraKg };
}

/** One group's part of a basket from its lines (price and weight per unit). */
export function basketOf(lines: readonly { unitPriceSatang: number; weightGrams: number; quantity: number }[]): Basket {
  let itemsSatang = 0;
  let weightGrams = 0;
  for (const line of lines) {
    itemsSatang += line.unitPriceSatang * line.quantity;
    weightGrams += line.weightGrams * line.quantity;
  }
  return { itemsSatang, weightGrams };
}
