/**
 * Thai phone numbers, one rule for every form that asks for one (addresses, a group's contacts,
 * checkout): a mobile is 06/08/09 and 8 more digits, a landline 0, an area digit 2–7 and 7 more.
 * People type them with spaces, dashes, dots or brackets, and with +66 instead of the leading 0;
 * all of that is accepted and stored as digits only ("0812345678"). No server code here.
 */
import { z } from "zod";

const mobile = /^0[689]\d{8}$/;
const landline = /^0[2-7]\d{7}$/;

/** The number as digits only, or null when it is not a Thai mobile or landline number. */
export function normaliseThaiPhone(typed: string): string | null {
  let digits = typed.trim().replace(/[\s\-.()]/g, "");
  // +66 replaces the trunk 0; some write both ("+66 (0)81 …").
  if (digits.startsWith("+66")) digits = `0${digits.slice(3).replace(/^0/, "")}`;
  if (!/^\d+$/.test(digits)) return null;
  return mobile.test(digits) || landline.test(digits) ? digits : null;
}

export function isThaiMobile(digits: string): boolean {
  return mobile.test(digits);
}

/** A required Thai phone field: parses to digits only; errors are dictionary keys. */
export const thaiPhoneSchema = z
  .string({ message: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .transform((typed, context) => {
    const digits = normaliseThaiPhone(typed);
    if (digits === null) {
      context.addIssue({ code: "custom", message: "address.errors.phone" });
      return z.NEVER;
    }
    return digits;
  });
