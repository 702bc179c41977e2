/**
 * The kinds of shipping a group can offer, and the one rule of which of them are pickups: a
 * pickup needs no delivery address (the buyer comes to the group's centre or to its market
 * booth), every other kind is carried to an address. Checkout, the order snapshot and the
 * workspace all ask `isPickup`; nothing else lists the pickup kinds. No server code here: the
 * browser uses it too.
 */
import { ShippingKind } from "~/generated/prisma/enums";

export { ShippingKind };

/** Every kind, in the order the workspace offers them. */
export const shippingKinds = [
  "PICKUP_CENTRE",
  "PICKUP_MARKET",
  "THAILAND_POST_EMS",
  "THAILAND_POST_REGISTERED",
  "COURIER_KERRY",
  "COURIER_FLASH",
  "COURIER_JT",
] as const satisfies readonly ShippingKind[];

const pickupKinds: ReadonlySet<ShippingKind> = new Set<ShippingKind>(["PICKUP_CENTRE", "PICKUP_MARKET"]);

/** True when the buyer collects the parcel: no address is asked for, and weight costs nothing. */
export function isPickup(kind: ShippingKind): boolean {
  return pickupKinds.has(kind);
}

/** A market booth is only useful with its days and hours, so that kind must name a schedule. */
export function needsSchedule(kind: ShippingKind): boolean {
  return kind === "PICKUP_MARKET";
}

/** The name a method gets when its group leaves the name blank. */
export const defaultShippingNames: Record<ShippingKind, { th: string; en: string }> = {
  PICKUP_CENTRE: { th: "รับเองที่ศูนย์ของกลุ่ม", en: "Pick up at the group's centre" },
  PICKUP_MARKET: { th: "รับที่บูธของกลุ่มในตลาด", en: "Pick up at the group's market booth" },
  THAILAND_POST_EMS: { th: "ไปรษณีย์ไทย EMS", en: "Thailand Post EMS" },
  THAILAND_POST_REGISTERED: { th: "ไปรษณีย์ไทย ลงทะเบียน", en: "Thailand Post registered mail" },
  COURIER_KERRY: { th: "Kerry Express", en: "Kerry Express" },
  COURIER_FLASH: { th: "Flash Express", en: "Flash Express" },
  COURIER_JT: { th: "J&T Express", en: "J&T Express" },
};
