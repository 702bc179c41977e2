/**
 * The shipping fee of a group's part of an order, from the method the buyer chose.
 * TEMPORARY: the shipping module (app/modules/shipping) is being written beside this; its
 * quote function replaces this file when it lands.
 */
export { isPickupKind as isPickup } from "~/modules/orders/pickup";

export function quoteShipping(
  method: { feeSatang: number; perExtraKgSatang: number; freeOverSatang: number | null },
  basket: { itemsSatang: number; weightGrams: number },
): { feeSatang: number; free: boolean } {
  if (method.freeOverSatang !== null && basket.itemsSatang >= method.freeOverSatang) return { feeSatang: 0, free: true };
  const extraKg = Math.max(0, Math.ceil(basket.weightGrams / 1000) - 1);
  return { feeSatang: method.feeSatang + extraKg * method.perExtraKgSatang, free: false };
}
