/**
 * Numbers, money and dates for display. Money is stored in satang and only
 * becomes baht here, at the edge. th-TH dates show the Buddhist-era year (2569)
 * as Thai readers expect.
 *
 * What a storefront page shows while it hydrates (prices, whole numbers, a
 * promised date) is written by hand: the first Intl object a page makes loads
 * ICU's locale data, 25–50 ms on a phone (100–200 ms at Lighthouse's 4×
 * slowdown), the largest single cost of hydrating a product page. format.test.ts
 * proves each hand-written form agrees with Intl's th-TH and en-GB output.
 * Back-office formats (times, ranges, waits) still use Intl.
 */
import { localeOf, type Lang } from "./i18n";

/** Digits in threes, as both languages group them: 1234567 → "1,234,567". */
const grouped = (whole: number) => String(whole).replace(/\B(?=(\d{3})+$)/g, ",");

/** Baht as both languages write it ("฿1,250", "฿1,250.50", "-฿30"), from integer satang. */
export function formatMoney(satang: number, _lang: Lang): string {
  const sign = satang < 0 ? "-" : "";
  const magnitude = Math.abs(Math.trunc(satang));
  const rest = magnitude % 100;
  return `${sign}฿${grouped(Math.floor(magnitude / 100))}${rest === 0 ? "" : `.${String(rest).padStart(2, "0")}`}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * One DateTimeFormat per language and style, kept: making one costs far more than using it
 * (ICU loads the locale's calendar each time), and a page formats dozens of dates.
 */
function dateFormat(lang: Lang, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}:${style}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(localeOf[lang], options)));
  return format;
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** A count ("1,234"); a fraction goes through Intl. */
export function formatNumber(value: number, lang: Lang): string {
  if (Number.isSafeInteger(value)) return `${value < 0 ? "-" : ""}${grouped(Math.abs(value))}`;
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(localeOf[lang])));
  return format.format(value);
}

const monthNames: Record<Lang, string[]> = {
  th: ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** Thailand keeps UTC+7 all year (no daylight saving), so its calendar day is UTC's, seven hours on. */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The day in Thailand, long form: "12 มกราคม 2570", "12 January 2027". */
export function formatDate(date: Date, lang: Lang): string {
  const bangkok = new Date(date.getTime() + BANGKOK_OFFSET_MS);
  const year = bangkok.getUTCFullYear() + (lang === "th" ? 543 : 0);
  return `${bangkok.getUTCDate()} ${monthNames[lang][bangkok.getUTCMonth()]} ${year}`;
}

/** A moment as Bangkok wall-clock time with its date ("28 พ.ย. 2569 14:05"): schedules, timelines. */
export function formatDateTime(date: Date, lang: Lang): string {
  return dateFormat(lang, "dateTime", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Bangkok" }).format(date);
}

/** A calendar year in the reader's era: 2003 → "2546" in Thai, "2003" in English. */
export function formatYear(year: number, lang: Lang): string {
  return dateFormat(lang, "year", { year: "numeric", timeZone: "UTC" }).format(Date.UTC(year, 6, 1));
}

/**
 * A wait, for messages such as "please wait 30 seconds": whole seconds under a
 * minute, otherwise minutes rounded up ("30 วินาที", "2 minutes").
 */
export function formatWait(seconds: number, lang: Lang): string {
  const [value, unit] = seconds < 60 ? [Math.max(1, Math.ceil(seconds)), "second"] : [Math.ceil(seconds / 60), "minute"];
  return new Intl.NumberFormat(localeOf[lang], { style: "unit", unit, unitDisplay: "long" }).format(value);
}

/** A short date ("28 พ.ย. 2569", "28 Nov 2026"), for lists where the long form is too wide. */
export function formatShortDate(date: Date, lang: Lang): string {
  return dateFormat(lang, "shortDate", { dateStyle: "medium", timeZone: "Asia/Bangkok" }).format(date);
}

/**
 * A span of calendar days ("1–7 ธ.ค. 2569", "28 Dec 2026 – 3 Jan 2027"). The days are UTC
 * midnights (what a @db.Date column holds), so they are read in UTC, not moved to Thai time.
 */
export function formatDayRange(first: Date, last: Date, lang: Lang): string {
  return dateFormat(lang, "dayRange", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).formatRange(first, last);
}
