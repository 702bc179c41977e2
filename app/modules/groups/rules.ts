/**
 * What a group types about itself, checked the same way in the browser and on the server (so no
 * server code here): Thai phone numbers, PromptPay ids, Thai bank accounts, founding years and
 * member counts. Each check normalises first (spaces, dashes, a +66 prefix), because people copy
 * numbers from cards and chats in every format.
 */

/** Digits only; "+66 81-234-5678" and "66812345678" become the local "0812345678". */
export function digitsOf(value: string): string {
  const digits = value.replace(/[\s\-().]/g, "").replace(/^\+/, "");
  if (!/^\d+$/.test(digits)) return "";
  if (digits.startsWith("66") && (digits.length === 11 || digits.length === 10)) return `0${digits.slice(2)}`;
  return digits;
}

/** A Thai mobile (06/08/09 + 8 digits) or landline (02–07 + 7 digits) number, as digits; null when it is not one. */
export function thaiPhone(value: string): string | null {
  const digits = digitsOf(value);
  if (/^0[689]\d{8}$/.test(digits)) return digits;
  if (/^0[2-7]\d{7}$/.test(digits)) return digits;
  return null;
}

/** A 13-digit Thai national id or tax id with its check digit (mod 11 over the first twelve). */
export function isThaiIdNumber(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(digits[12]);
}

export type PromptPayKind = "mobile" | "nationalId" | "eWallet";

/**
 * A PromptPay proxy: a mobile number (10 digits), a national or tax id (13 digits with a valid
 * check digit) or an e-wallet id (15 digits). Null when it is none of them.
 */
export function promptPayId(value: string): { id: string; kind: PromptPayKind } | null {
  const digits = digitsOf(value);
  if (/^0[689]\d{8}$/.test(digits)) return { id: digits, kind: "mobile" };
  if (digits.length === 13) return isThaiIdNumber(digits) ? { id: digits, kind: "nationalId" } : null;
  if (/^\d{15}$/.test(digits)) return { id: digits, kind: "eWallet" };
  return null;
}

/**
 * Thai banks a group may be paid to, by their Bank of Thailand code, with the length of their
 * account numbers (10 digits at the commercial banks; 12 at the state banks GSB, GHB and BAAC).
 */
export const thaiBanks = [
  { code: "002", short: "BBL", th: "ธนาคารกรุงเทพ", en: "Bangkok Bank", digits: 10 },
  { code: "004", short: "KBANK", th: "ธนาคารกสิกรไทย", en: "Kasikornbank", digits: 10 },
  { code: "006", short: "KTB", th: "ธนาคารกรุงไทย", en: "Krungthai Bank", digits: 10 },
  { code: "011", short: "TTB", th: "ธนาคารทหารไทยธนชาต", en: "TMBThanachart Bank", digits: 10 },
  { code: "014", short: "SCB", th: "ธนาคารไทยพาณิชย์", en: "Siam Commercial Bank", digits: 10 },
  { code: "022", short: "CIMBT", th: "ธนาคารซีไอเอ็มบี ไทย", en: "CIMB Thai Bank", digits: 10 },
  { code: "024", short: "UOBT", th: "ธนาคารยูโอบี", en: "UOB Thailand", digits: 10 },
  { code: "025", short: "BAY", th: "ธนาคารกรุงศรีอยุธยา", en: "Bank of Ayudhya (Krungsri)", digits: 10 },
  { code: "030", short: "GSB", th: "ธนาคารออมสิน", en: "Government Savings Bank", digits: 12 },
  { code: "033", short: "GHB", th: "ธนาคารอาคารสงเคราะห์", en: "Government Housing Bank", digits: 12 },
  { code: "034", short: "BAAC", th: "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร (ธ.ก.ส.)", en: "Bank for Agriculture and Agricultural Co-operatives (BAAC)", digits: 12 },
  { code: "066", short: "IBANK", th: "ธนาคารอิสลามแห่งประเทศไทย", en: "Islamic Bank of Thailand", digits: 10 },
  { code: "069", short: "KKP", th: "ธนาคารเกียรตินาคินภัทร", en: "Kiatnakin Phatra Bank", digits: 10 },
  { code: "073", short: "LHFG", th: "ธนาคารแลนด์ แอนด์ เฮ้าส์", en: "Land and Houses Bank", digits: 10 },
] as const;

export type ThaiBank = (typeof thaiBanks)[number];

export function bankOf(code: string): ThaiBank | undefined {
  return thaiBanks.find((bank) => bank.code === code);
}

/** The account number as digits when it has the length `bankCode`'s accounts have; null otherwise. */
export function bankAccountNumber(bankCode: string, value: string): string | null {
  const bank = bankOf(bankCode);
  const digits = value.replace(/[\s-]/g, "");
  if (!bank || !/^\d+$/.test(digits)) return null;
  return digits.length === bank.digits ? digits : null;
}

/** The earliest founding year we take (CE); anything earlier is a typo. */
export const FOUNDED_MIN = 1900;

/**
 * A founding year typed in either era: Thai villagers write Buddhist-era years (2546 = 2003 CE).
 * Returns the CE year when it lies between FOUNDED_MIN and `now`'s year, else null.
 */
export function foundingYear(value: number, now: Date = new Date()): number | null {
  if (!Number.isInteger(value)) return null;
  const ce = value > 2400 ? value - 543 : value;
  return ce >= FOUNDED_MIN && ce <= now.getUTCFullYear() ? ce : null;
}

/** More members than this is not a village group but a typo. */
export const MEMBERS_MAX = 10_000;

/** A LINE id: letters, digits, dot, dash, underscore, optionally "@" first (official accounts); 4–20 characters. */
export function lineId(value: string): string | null {
  const trimmed = value.trim();
  return /^@?[a-zA-Z0-9._-]{4,20}$/.test(trimmed) ? trimmed : null;
}

/**
 * A Facebook page as its name or any facebook.com / fb.com address: kept as the page's path
 * ("ban.thon.krajood"), so the store builds the link itself and never stores a stranger's URL.
 */
export function facebookPage(value: string): string | null {
  const trimmed = value.trim();
  const match = /^(?:https?:\/\/)?(?:(?:www|m|web)\.)?(?:facebook|fb)\.com\/(.+)$/i.exec(trimmed);
  const path = (match ? match[1] : trimmed).replace(/[/?#].*$/, "");
  return /^[\p{L}\p{M}\p{N}.\-_]{2,80}$/u.test(path) ? path : null;
}
