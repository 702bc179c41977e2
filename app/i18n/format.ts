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

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf[lang]).format(value);
}

export function formatDate(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf[lang], { dateStyle: "long", timeZone: "Asia/Bangkok" }).format(date);
}

/** A moment as Bangkok wall-clock time, with the date: schedules staff set. */
export function formatDateTime(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf[lang], { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Bangkok" }).format(date);
}

/** A calendar year in the reader's era: 2003 → "2546" in Thai, "2003" in English. */
export function formatYear(year: number, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf[lang], { year: "numeric", timeZone: "UTC" }).format(Date.UTC(year, 6, 1));
}
