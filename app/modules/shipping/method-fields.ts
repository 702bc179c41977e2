/**
 * A shipping method as a group enters it: the limits, the baht ↔ satang conversion of what is
 * typed, and the zod schema of the fields, shared by the workspace form in the browser (conform
 * checks it before posting) and by the action. Errors are dictionary keys ("shipping.errors.fee").
 * No server code here.
 */
import { z } from "zod";
import { isPickup, needsSchedule, shippingKinds, type ShippingKind } from "./kinds";

/** Ceilings that catch a typo (an extra zero) rather than describe any real carrier's price. */
export const shippingLimits = {
  feeMaxSatang: 500_000, // ฿5,000
  perExtraKgMaxSatang: 100_000, // ฿1,000 per kilogram
  freeOverMaxSatang: 10_000_000, // ฿100,000
  nameMaxLength: 80,
  scheduleMaxLength: 160,
  methodsPerGroup: 20,
} as const;

/**
 * Baht as typed ("38", "38.5", "1,250.00", "฿40") to whole satang, without floating point:
 * the digits before and after the point are read separately. Null when it is not an amount with
 * at most two decimals.
 */
export function bahtToSatang(typed: string): number | null {
  const cleaned = typed.trim().replace(/^฿\s*/, "").replace(/,(?=\d{3}(?:\D|$))/g, "");
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** Satang as a form shows it back: "38", "38.50". */
export function satangToBaht(satang: number): string {
  const baht = Math.floor(satang / 100);
  const rest = satang % 100;
  return rest === 0 ? String(baht) : `${baht}.${String(rest).padStart(2, "0")}`;
}

function baht(maxSatang: number, message: string) {
  return z
    .string({ message })
    .transform((typed, context) => {
      const satang = bahtToSatang(typed);
      if (satang === null || satang > maxSatang) {
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return satang;
    });
}

const optionalText = (max: number) => z.string().trim().max(max, "shipping.errors.tooLong").optional();

/** The fields of one method, as posted (amounts in baht) and as parsed (amounts in satang). */
export const shippingMethodShape = {
  kind: z.enum(shippingKinds, { message: "shipping.errors.kind" }),
  nameTh: optionalText(shippingLimits.nameMaxLength),
  nameEn: optionalText(shippingLimits.nameMaxLength),
  fee: baht(shippingLimits.feeMaxSatang, "shipping.errors.fee"),
  perExtraKg: baht(shippingLimits.perExtraKgMaxSatang, "shipping.errors.perExtraKg").optional(),
  freeOver: baht(shippingLimits.freeOverMaxSatang, "shipping.errors.freeOver").optional(),
  scheduleTh: optionalText(shippingLimits.scheduleMaxLength),
  scheduleEn: optionalText(shippingLimits.scheduleMaxLength),
};

/** Rules across fields: a market booth names its schedule; a pickup cannot charge for weight. */
export function checkShippingMethod(value: { kind: ShippingKind; scheduleTh?: string; perExtraKg?: number }, context: z.RefinementCtx) {
  if (needsSchedule(value.kind) && !value.scheduleTh) {
    context.addIssue({ code: "custom", path: ["scheduleTh"], message: "shipping.errors.scheduleRequired" });
  }
  if (isPickup(value.kind) && (value.perExtraKg ?? 0) > 0) {
    context.addIssue({ code: "custom", path: ["perExtraKg"], message: "shipping.errors.pickupWeight" });
  }
}

export type ShippingMethodFields = z.infer<z.ZodObject<typeof shippingMethodShape>>;
