/**
 * Numbers, money and dates for display, through Intl. Money is stored in
 * satang and only becomes baht here, at the edge. th-TH dates show the
 * Buddhist-era year (2569) as Thai readers expect.
 */
import { localeOf, type Lang } from "./i18n";

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(satang: number, lang: Lang): string {
  const whole = satang % 100 === 0;
  const key = `${lang}:${whole}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf[lang], {
      style: "currency",
      currency: "THB",
      currencyDisplay: "narrowSymbol",
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    });
    moneyFormats.set(key, format);
  }
  return format.format(satang / 100);
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

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf[lang]).format(value);
}

export function formatDate(date: Date, lang: Lang): string {
  return dateFormat(lang, "date", { dateStyle: "long", timeZone: "Asia/Bangkok" }).format(date);
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
