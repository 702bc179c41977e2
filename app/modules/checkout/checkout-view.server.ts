/**
 * The checkout review: the basket as it stands now, each group's shipping methods with their
 * price for this basket, the chosen one (or the group's first), totals to the satang, whether an
 * address is needed, and the ways of paying offered. The same figures placeOrder recomputes on
 * its own; this is only what the buyer is shown.
 */
import { db } from "~/db/client.server";
import type { Client } from "~/db/transaction.server";
import { cartView, shippingChoices } from "~/modules/cart/cart.server";
import { offeredPayments } from "~/modules/payments/payments.server";
import { isPickup } from "~/modules/shipping/kinds";
import { shippingQuote } from "~/modules/shipping/quote";

export async function checkoutView(cartId: string | null, override: Record<string, string> = {}, client: Client = db()) {
  const cart = await cartView(cartId, client);
  const saved = cartId ? await shippingChoices(cartId, client) : {};
  const groupIds = cart.groups.map((entry) => entry.group.id);
  const [methods, payees] = await Promise.all([
    client.shippingMethod.findMany({ where: { groupId: { in: groupIds }, active: true }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    client.occupationGroup.findMany({ where: { id: { in: groupIds } }, select: { id: true, promptPayId: true, payoutVerifiedAt: true } }),
  ]);
  const groups = cart.groups.map((entry) => {
    const options = methods
      .filter((method) => method.groupId === entry.group.id)
      .map((method) => ({
        id: method.id,
        kind: method.kind,
        nameTh: method.nameTh,
        nameEn: method.nameEn,
        scheduleTh: method.scheduleTh,
        scheduleEn: method.scheduleEn,
        pickup: isPickup(method.kind),
        ...shippingQuote(method, { itemsSatang: entry.itemsSatang, weightGrams: entry.weightGrams }),
      }));
    const wanted = override[entry.group.id] ?? saved[entry.group.id];
    const chosen = options.find((option) => option.id === wanted) ?? options[0] ?? null;
    return { ...entry, options, chosen, shippingSatang: chosen?.feeSatang ?? 0 };
  });
  const shippingSatang = groups.reduce((sum, group) => sum + group.shippingSatang, 0);
  return {
    cart,
    groups,
    itemsSatang: cart.itemsSatang,
    shippingSatang,
    totalSatang: cart.itemsSatang + shippingSatang,
    needsAddress: groups.some((group) => group.chosen !== null && !group.chosen.pickup),
    missingShipping: groups.filter((group) => group.chosen === null).map((group) => group.group.id),
    payments: offeredPayments(payees),
  };
}

export type CheckoutView = Awaited<ReturnType<typeof checkoutView>>;
