/**
 * What a buyer may choose for one group's part of a basket: the group's active methods, in the
 * group's order, each with its price for that basket. Checkout lists them with
 * `shippingOptionsFor` and checks the buyer's choice with `shippingOptionOf` (an inactive method
 * or another group's is refused as NotInGroupError, so a forged id never prices an order).
 */
import { db } from "~/db/client.server";
import type { Client } from "~/db/transaction.server";
import { NotInGroupError } from "~/modules/groups/errors";
import { isPickup } from "./kinds";
import { shippingMethodSelect, type ShippingMethodRow } from "./methods.server";
import { shippingQuote, type Basket, type ShippingQuote } from "./quote";

export interface ShippingOption {
  method: ShippingMethodRow;
  quote: ShippingQuote;
  /** No delivery address is needed (see kinds.ts `isPickup`). */
  pickup: boolean;
}

function optionOf(method: ShippingMethodRow, basket: Basket): ShippingOption {
  return { method, quote: shippingQuote(method, basket), pickup: isPickup(method.kind) };
}

export async function shippingOptionsFor(groupId: string, basket: Basket, client: Client = db()): Promise<ShippingOption[]> {
  const methods = await client.shippingMethod.findMany({
    where: { groupId, active: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: shippingMethodSelect,
  });
  return methods.map((method) => optionOf(method, basket));
}

/** The buyer's chosen method priced for the basket, if it is one of the group's active methods. */
export async function shippingOptionOf(client: Client, where: { groupId: string; methodId: string }, basket: Basket): Promise<ShippingOption> {
  const method = await client.shippingMethod.findFirst({ where: { id: where.methodId, groupId: where.groupId, active: true }, select: shippingMethodSelect });
  if (!method) throw new NotInGroupError("shipping method");
  return optionOf(method, basket);
}
