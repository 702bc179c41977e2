/**
 * The carriers a group ships with, their names in both languages, what a tracking number of
 * theirs looks like, and where a buyer follows a parcel. One home for the list: the group's
 * "shipped" form, the buyer's tracking page and the emails all read it. Carriers offer no
 * maintained tracking API a group could use without registering, so we link to their pages.
 */
import type { ShippingKind } from "~/generated/prisma/enums";

export const CARRIERS = ["THAILAND_POST_EMS", "THAILAND_POST_REGISTERED", "KERRY", "FLASH", "JT", "OTHER"] as const;
export type Carrier = (typeof CARRIERS)[number];

const names: Record<Carrier, { th: string; en: string }> = {
  THAILAND_POST_EMS: { th: "ไปรษณีย์ไทย EMS", en: "Thailand Post EMS" },
  THAILAND_POST_REGISTERED: { th: "ไปรษณีย์ไทย ลงทะเบียน", en: "Thailand Post registered" },
  KERRY: { th: "Kerry Express", en: "Kerry Express" },
  FLASH: { th: "Flash Express", en: "Flash Express" },
  JT: { th: "J&T Express", en: "J&T Express" },
  OTHER: { th: "ขนส่งอื่น", en: "Another carrier" },
};

export function isCarrier(value: string | null | undefined): value is Carrier {
  return (CARRIERS as readonly string[]).includes(value ?? "");
}

/** The carrier's name for people; an unknown code (an older row) is shown as it was stored. */
export function carrierName(carrier: string, lang: "th" | "en"): string {
  return isCarrier(carrier) ? names[carrier][lang] : carrier;
}

const pages: Partial<Record<Carrier, (number: string) => string>> = {
  THAILAND_POST_EMS: (n) => `https://track.thailandpost.co.th/?trackNumber=${n}`,
  THAILAND_POST_REGISTERED: (n) => `https://track.thailandpost.co.th/?trackNumber=${n}`,
  KERRY: (n) => `https://th.kerryexpress.com/th/track/?track=${n}`,
  FLASH: (n) => `https://www.flashexpress.co.th/fle/tracking?se=${n}`,
  JT: (n) => `https://www.jtexpress.co.th/service/track?billcode=${n}`,
};

/** The carrier's own page for this parcel, or null when we know none (another carrier). */
export function trackingUrl(carrier: string, number: string): string | null {
  const page = isCarrier(carrier) ? pages[carrier] : undefined;
  const clean = number.trim();
  return page && clean ? page(encodeURIComponent(clean)) : null;
}

/**
 * A tracking number as typed or pasted from an SMS ("ef 1234 5678 9th ") made canonical: no
 * spaces, upper case. Carriers print them in capitals and their pages expect that.
 */
export function normaliseTrackingNumber(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase();
}

export const TRACKING_MIN = 6;
export const TRACKING_MAX = 40;

/**
 * Why a (normalised) tracking number cannot be right for the carrier, or null when it may be.
 * Thailand Post uses the UPU S10 form (two letters, nine digits, "TH": EF123456789TH); the
 * couriers' numbers vary in length and prefix, so for them only the characters and length are
 * checked.
 */
export function trackingNumberProblem(carrier: Carrier, number: string): "format" | "thailandPost" | null {
  if (carrier === "THAILAND_POST_EMS" || carrier === "THAILAND_POST_REGISTERED") {
    return /^[A-Z]{2}\d{9}TH$/.test(number) ? null : "thailandPost";
  }
  if (number.length < TRACKING_MIN || number.length > TRACKING_MAX || !/^[A-Z0-9-]+$/.test(number)) return "format";
  return null;
}

/** The carrier a group most likely used for a shipping method, chosen first in its "shipped" form. */
export function carrierForShipping(kind: ShippingKind): Carrier {
  switch (kind) {
    case "THAILAND_POST_EMS":
      return "THAILAND_POST_EMS";
    case "THAILAND_POST_REGISTERED":
      return "THAILAND_POST_REGISTERED";
    case "COURIER_KERRY":
      return "KERRY";
    case "COURIER_FLASH":
      return "FLASH";
    case "COURIER_JT":
      return "JT";
    default:
      return "OTHER";
  }
}
