import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDayRange, formatMoney, formatNumber, formatShortDate, formatWait, formatYear } from "./format";
import { href, langFromParam, localeOf, switchLangPath, type Lang } from "./i18n";

describe("formatMoney", () => {
  it("shows whole baht without decimals", () => {
    expect(formatMoney(125_000, "th")).toBe("฿1,250");
    expect(formatMoney(125_000, "en")).toBe("฿1,250");
  });
  it("keeps satang when there are any", () => {
    expect(formatMoney(125_050, "th")).toBe("฿1,250.50");
  });
  it("writes every amount as Intl writes baht in either language", () => {
    const intl = (satang: number, locale: string) =>
      new Intl.NumberFormat(locale, {
        style: "currency",
        currency: "THB",
        currencyDisplay: "narrowSymbol",
        minimumFractionDigits: satang % 100 === 0 ? 0 : 2,
        maximumFractionDigits: 2,
      }).format(satang / 100);
    const amounts = [0, 1, 5, 99, 100, 101, 1_000, 99_999, 100_000, 123_456, 100_000_000, 123_456_789_01, -1, -3_000, -123_456];
    for (let satang = 7_919; satang < 2_000_000; satang += 7_919) amounts.push(satang, -satang);
    for (const satang of amounts) {
      expect(formatMoney(satang, "th")).toBe(intl(satang, "th-TH"));
      expect(formatMoney(satang, "en")).toBe(intl(satang, "en-GB"));
    }
  });
});

describe("formatNumber", () => {
  it("groups whole numbers as Intl does, and leaves fractions to it", () => {
    for (const lang of ["th", "en"] as Lang[]) {
      const intl = new Intl.NumberFormat(localeOf[lang]);
      for (const value of [0, 7, 999, 1_000, -1_000, 12_345, 999_999, 1_000_000, 123_456_789, 0.5, 1_234.75]) expect(formatNumber(value, lang)).toBe(intl.format(value));
    }
  });
});

describe("dates", () => {
  it("writes the long date as Intl does, on Thailand's calendar day, every day for three years", () => {
    const intl = (lang: Lang) => new Intl.DateTimeFormat(localeOf[lang], { dateStyle: "long", timeZone: "Asia/Bangkok" });
    const [th, en] = [intl("th"), intl("en")];
    const day = 24 * 60 * 60 * 1000;
    // 16:59 and 17:00 UTC are the last minute of one Thai day and the first of the next.
    for (let midnight = Date.UTC(2026, 0, 1); midnight < Date.UTC(2029, 0, 1); midnight += day) {
      for (const moment of [midnight, midnight + 16 * 3_600_000 + 59 * 60_000, midnight + 17 * 3_600_000]) {
        expect(formatDate(new Date(moment), "th")).toBe(th.format(moment));
        expect(formatDate(new Date(moment), "en")).toBe(en.format(moment));
      }
    }
  });

  it("shows Buddhist-era years in Thai and Common Era in English", () => {
    expect(formatYear(2003, "th")).toContain("2546");
    expect(formatYear(2003, "en")).toBe("2003");
    expect(formatDate(new Date("2026-11-21T03:00:00Z"), "th")).toContain("2569");
  });
  it("shows short dates and times in Thai time", () => {
    expect(formatShortDate(new Date("2026-11-21T20:00:00Z"), "en")).toBe("22 Nov 2026");
    expect(formatDateTime(new Date("2026-11-21T20:05:00Z"), "th")).toBe("22 พ.ย. 2569 03:05");
  });
  it("shows a week's days as calendar dates, across a year's end too", () => {
    expect(formatDayRange(new Date("2026-12-01"), new Date("2026-12-07"), "th")).toBe("1–7 ธ.ค. 2569");
    // ICU puts thin spaces around the dash.
    expect(formatDayRange(new Date("2026-12-28"), new Date("2027-01-03"), "en").replace(/\s/g, " ")).toBe("28 Dec 2026 – 3 Jan 2027");
  });
});

describe("formatWait", () => {
  it("says seconds under a minute and whole minutes (rounded up) above, in the reader's language", () => {
    expect(formatWait(30, "en")).toBe("30 seconds");
    expect(formatWait(30, "th")).toBe("30 วินาที");
    expect(formatWait(61, "en")).toBe("2 minutes");
    expect(formatWait(900, "th")).toBe("15 นาที");
    expect(formatWait(60, "en")).toBe("1 minute");
  });
});

describe("language paths", () => {
  it("accepts no prefix as Thai and only en as a prefix", () => {
    expect(langFromParam(undefined)).toBe("th");
    expect(langFromParam("en")).toBe("en");
    expect(langFromParam("fr")).toBeNull();
    expect(langFromParam("th")).toBeNull();
  });
  it("builds and switches language-prefixed paths", () => {
    expect(href("en", "/")).toBe("/en");
    expect(href("en", "/products/x")).toBe("/en/products/x");
    expect(href("th", "/products/x")).toBe("/products/x");
    expect(switchLangPath("/en/products/x", "th")).toBe("/products/x");
    expect(switchLangPath("/en", "th")).toBe("/");
    expect(switchLangPath("/groups/y", "en")).toBe("/en/groups/y");
    expect(switchLangPath("/", "en")).toBe("/en");
  });
});
