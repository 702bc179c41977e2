/**
 * PromptPay payloads: the EMVCo QR a buyer scans to pay one group's own PromptPay id the exact
 * amount of its group order, and the mini-QR printed on a bank's transfer slip. Built and read
 * with `promptparse` (the Thai QR standard's tags and CRC-16/CCITT-FALSE); amounts stay in satang
 * until the payload, where the standard wants baht with two decimals.
 */
import { parse } from "promptparse";
import { anyId } from "promptparse/generate";
import { slipVerify } from "promptparse/validate";

export type PromptPayTargetType = "MSISDN" | "NATID" | "EWALLETID";

/** What kind of PromptPay id this is (mobile, national or tax id, e-wallet), or null when it is none. */
export function promptPayTarget(id: string): { type: PromptPayTargetType; target: string } | null {
  const digits = id.replace(/[\s\-().]/g, "").replace(/^\+66/, "0");
  if (/^0\d{9}$/.test(digits)) return { type: "MSISDN", target: digits };
  if (/^\d{13}$/.test(digits)) return { type: "NATID", target: digits };
  if (/^\d{15}$/.test(digits)) return { type: "EWALLETID", target: digits };
  return null;
}

export class InvalidPromptPayIdError extends Error {
  readonly name = "InvalidPromptPayIdError";
}

/** The payload of a QR that pays `amountSatang` to the PromptPay id `id`. */
export function promptPayPayload(id: string, amountSatang: number): string {
  const target = promptPayTarget(id);
  if (!target) throw new InvalidPromptPayIdError(`Not a PromptPay id: ${JSON.stringify(id)}`);
  if (!Number.isSafeInteger(amountSatang) || amountSatang <= 0) throw new RangeError(`amount must be whole satang > 0, got ${amountSatang}`);
  // Integer division by 100 is exact to two decimals; the library prints toFixed(2).
  return anyId({ ...target, amount: amountSatang / 100 });
}

/** The tags a payer's banking app reads: the receiving id (tag 29), the amount (tag 54) and the checksum (tag 63). */
export function readPromptPayPayload(payload: string): { id: string; amount: string | null; crc: string; crcValid: boolean } | null {
  const qr = parse(payload, false, true);
  const id = qr?.getTagValue("29", "01") ?? qr?.getTagValue("29", "02") ?? qr?.getTagValue("29", "03");
  const crc = qr?.getTagValue("63");
  if (!qr || !id || !crc) return null;
  return { id, amount: qr.getTagValue("54") ?? null, crc, crcValid: qr.validate("63") };
}

/** A transfer slip's mini-QR: the sending bank and the transaction reference, or null when it is not one. */
export function readSlipPayload(payload: string): { sendingBank: string; transRef: string } | null {
  // Some banks' apps print a lowercase or otherwise off checksum; the library can repair it.
  return slipVerify(payload.trim(), true);
}
